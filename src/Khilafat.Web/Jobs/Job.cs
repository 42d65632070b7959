namespace Khilafat.Web.Jobs;

public enum JobStatus { Waiting = 0, Done = 1, Failed = 2 }

/// <summary>
/// A piece of background work due at a time: publish an update at 9:00, expand a send, erase what is kept too long.
/// Stored, so it survives restarts and runs late after downtime; claimed like outbox messages, so on several
/// instances one of them runs it. <see cref="Kind"/> and <see cref="Key"/> name it (unique together): scheduling
/// the same work again moves it rather than adding a second.
/// </summary>
public class Job
{
    public long Id { get; set; }

    /// <summary>Which handler runs it, one of <see cref="JobKinds"/>. Stored, so never rename one.</summary>
    public required string Kind { get; set; }

    /// <summary>What it works on, for the handler (an update's id, a send's id), or "" for work of which there is one.</summary>
    public required string Key { get; set; }

    public DateTime DueAt { get; set; }
    public JobStatus Status { get; set; }

    /// <summary>Failed runs since the last success; the job is given up after <see cref="Options.JobOptions.MaxAttempts"/>.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The runner that has claimed it (a concurrency token), as for <see cref="Email.OutboxMessage.ClaimToken"/>.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>Until when the claim holds; after that (the instance died mid-run) another runner takes the job.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
