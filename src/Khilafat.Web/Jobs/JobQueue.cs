using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Jobs;

/// <summary>Schedules background jobs in the caller's write, so a job exists exactly when the change that needs it was saved.</summary>
public sealed class JobQueue(SiteDbContext db, TimeProvider clock, JobSignal signal)
{
    /// <summary>
    /// Schedules (or moves) the job named by kind and key to run at <paramref name="dueAt"/>. Call it inside a
    /// <see cref="SiteDbContext.WriteAsync{T}"/>; then <see cref="Wake"/> once it has committed.
    /// </summary>
    public async Task ScheduleAsync(string kind, string key, DateTime dueAt, CancellationToken ct)
    {
        var job = db.Jobs.Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
            ?? await db.Jobs.FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key, ct);
        if (job is null)
        {
            db.Jobs.Add(new Job { Kind = kind, Key = key, DueAt = dueAt, Status = JobStatus.Waiting, CreatedAt = clock.GetUtcNow().UtcDateTime });
            return;
        }
        // A job that is running now keeps its claim: the runner, seeing it waiting again, runs it once more when it
        // is due, so a change made during a run is never missed.
        job.DueAt = dueAt;
        job.Status = JobStatus.Waiting;
        job.Attempts = 0;
        job.LastError = null;
        job.FinishedAt = null;
    }

    /// <summary>Adds the job if it does not exist, due at <paramref name="dueAt"/>; an existing one keeps its time. Inside a write.</summary>
    public async Task EnsureAsync(string kind, string key, DateTime dueAt, CancellationToken ct)
    {
        if (!await db.Jobs.AnyAsync(j => j.Kind == kind && j.Key == key, ct))
            db.Jobs.Add(new Job { Kind = kind, Key = key, DueAt = dueAt, Status = JobStatus.Waiting, CreatedAt = clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>Removes a waiting job (an editor took a schedule back). Inside a write, like <see cref="ScheduleAsync"/>.</summary>
    public Task<int> CancelAsync(string kind, string key, CancellationToken ct) =>
        db.Jobs.Where(j => j.Kind == kind && j.Key == key && j.Status == JobStatus.Waiting).ExecuteDeleteAsync(ct);

    /// <summary>When the job named by kind and key is due, if it is waiting.</summary>
    public Task<DateTime?> DueAtAsync(string kind, string key, CancellationToken ct = default) =>
        db.Jobs.Where(j => j.Kind == kind && j.Key == key && j.Status == JobStatus.Waiting).Select(j => (DateTime?)j.DueAt).FirstOrDefaultAsync(ct);

    /// <summary>Tells the runner there is work; call after the write that scheduled it has committed.</summary>
    public void Wake() => signal.Wake();
}

/// <summary>Wakes the job runner early instead of waiting for its next poll.</summary>
public sealed class JobSignal : WakeSignal;

/// <summary>Wakes a background loop early; several wakes before it looks count as one.</summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    // Every sign-up wakes the outbox, most often while it is awake already: released only when it is not, since
    // Release on a full semaphore throws, and a caught exception per sign-up was 700 a second under load.
    public void Wake()
    {
        lock (_semaphore)
        {
            if (_semaphore.CurrentCount == 0) _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
