using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Jobs;

/// <summary>
/// Runs due jobs in the background: the one mechanism for work the site does on its own (scheduled publishing,
/// expanding sends, data minimisation). Jobs are rows, so they survive restarts, and one that fell due while the site
/// was down runs as soon as it is back. Each run claims its job for <see cref="JobOptions.ClaimTimeout"/> in one
/// conditional update, so on several instances one of them runs it; a claim left by an instance that died runs out
/// and another takes the job over.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes, JobSignal signal, TimeProvider clock, IOptions<JobOptions> options, IHostApplicationLifetime lifetime, ILogger<JobRunner> logger)
    : BackgroundService
{
    private const int BatchSize = 10;

    /// <summary>The jobs that run for ever, each rescheduling itself; made on first start (and again if one was removed).</summary>
    private static readonly string[] Recurring = [JobKinds.Maintenance];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lifetime.WhenStartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            await EnsureRecurringAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The recurring jobs could not be scheduled; they will be on the next start.");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly busy or gone: try again on the next round rather than stopping for good.
                logger.LogError(e, "The job runner could not read or update the jobs.");
            }
            if (!more)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    public async Task EnsureRecurringAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        // Two instances starting together: the unique index refuses the second insert, and WriteAsync's retry finds the row.
        await db.WriteAsync(async c =>
        {
            foreach (var kind in Recurring) await queue.EnsureAsync(kind, "", clock.GetUtcNow().UtcDateTime, c);
        }, ct);
    }

    /// <summary>Claims the jobs due now and runs them one after another; true when more may be due right away.</summary>
    public async Task<bool> RunDueAsync(CancellationToken stoppingToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid();
        var claimedUntil = now + options.Value.ClaimTimeout;
        var due = db.Jobs
            .Where(j => j.Status == JobStatus.Waiting && j.DueAt <= now && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
            .Take(BatchSize)
            .Select(j => j.Id);
        // The condition is repeated outside the subquery, as in the outbox: on PostgreSQL a second runner claiming
        // the same rows waits for the first, re-reads them, finds them claimed and leaves them.
        var claimed = await db.WriteAsync(c => db.Jobs
            .Where(j => due.Contains(j.Id) && j.Status == JobStatus.Waiting && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimToken, claim).SetProperty(j => j.ClaimedUntil, claimedUntil), c), stoppingToken);
        if (claimed == 0) return false;

        var jobs = await db.Jobs.AsNoTracking().Where(j => j.ClaimToken == claim).OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToListAsync(stoppingToken);
        var again = false;
        foreach (var job in jobs)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(db, claim);
                return false;
            }
            var outcome = await RunOneAsync(job, stoppingToken);
            again |= await RecordAsync(db, job, claim, outcome);
        }
        return again || claimed == BatchSize;
    }

    private async Task<(JobOutcome? Outcome, Exception? Error)> RunOneAsync(Job job, CancellationToken stoppingToken)
    {
        try
        {
            // Each run in its own scope: its own context, so one job's failure leaves nothing tracked for the next.
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind)
                ?? throw new InvalidOperationException($"No handler is registered for jobs of kind \"{job.Kind}\".");
            return (await handler.RunAsync(job.Key, stoppingToken), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !(e is OperationCanceledException && stoppingToken.IsCancellationRequested))
        {
            return (null, e);
        }
    }

    /// <summary>Saves what the run asked for, if the job is still this runner's; true when it asks to run again now.</summary>
    private async Task<bool> RecordAsync(SiteDbContext db, Job job, Guid claim, (JobOutcome? Outcome, Exception? Error) run)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        return await db.WriteAsync(async c =>
        {
            var stored = await db.Jobs.FirstOrDefaultAsync(j => j.Id == job.Id && j.ClaimToken == claim, c);
            // Gone (an editor took the schedule back), or taken over after this run outlasted its claim.
            if (stored is null) return false;
            stored.ClaimToken = null;
            stored.ClaimedUntil = null;
            // Rescheduled while it ran (ScheduleAsync moved it): leave it waiting for its new time.
            if (stored.DueAt != job.DueAt || stored.Status != JobStatus.Waiting) return stored.Status == JobStatus.Waiting && stored.DueAt <= now;
            if (run.Error is { } error)
            {
                stored.Attempts++;
                stored.LastError = error.Message.Length > 500 ? error.Message[..500] : error.Message;
                if (stored.Attempts >= settings.MaxAttempts)
                {
                    stored.Status = JobStatus.Failed;
                    stored.FinishedAt = now;
                    logger.LogError(error, "Job {Kind} {Key} failed {Attempts} times and is given up.", job.Kind, job.Key, stored.Attempts);
                }
                else
                {
                    var wait = settings.RetryDelay * Math.Pow(2, Math.Min(stored.Attempts - 1, 16));
                    stored.DueAt = now + (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait);
                    logger.LogWarning(error, "Job {Kind} {Key} failed (try {Attempts}); next try at {Next:O}.", job.Kind, job.Key, stored.Attempts, stored.DueAt);
                }
                return false;
            }
            stored.Attempts = 0;
            stored.LastError = null;
            if (run.Outcome!.Value.RunAgainAt is { } at)
            {
                stored.DueAt = at;
                return at <= now;
            }
            stored.Status = JobStatus.Done;
            stored.FinishedAt = now;
            return false;
        }, CancellationToken.None);
    }

    /// <summary>On shutdown, what this runner claimed and did not run goes back at once rather than when the claim runs out.</summary>
    private static Task ReleaseAsync(SiteDbContext db, Guid claim) =>
        db.WriteAsync(c => db.Jobs.Where(j => j.ClaimToken == claim)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimToken, (Guid?)null).SetProperty(j => j.ClaimedUntil, (DateTime?)null), c), CancellationToken.None);
}
