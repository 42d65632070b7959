using System.ComponentModel.DataAnnotations;

namespace Khilafat.Web.Options;

/// <summary>The background jobs (<see cref="Jobs.JobRunner"/>). Section "Jobs".</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the runner looks for due jobs when nothing wakes it: a scheduled update appears at most this late. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a runner's claim on a job lasts. A job's one run must finish well within it (each run does a bounded piece). Default 5 minutes.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed runs in a row before a job is given up (and shown as failed). Default 10.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after a failed run; it doubles with each failure, up to an hour. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
