using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Jobs;

/// <summary>What admins see of the background jobs: what waits, what failed and why, and trying a failed one again.</summary>
public sealed class JobAdministration(SiteDbContext db, TimeProvider clock, JobSignal signal)
{
    /// <summary>The jobs waiting or given up, failed first, then by when they are due; finished ones are not listed.</summary>
    public async Task<IReadOnlyList<Job>> ListAsync(CancellationToken ct = default) =>
        await db.Jobs.AsNoTracking().Where(j => j.Status != JobStatus.Done)
            .OrderByDescending(j => j.Status).ThenBy(j => j.DueAt).Take(500).ToListAsync(ct);

    /// <summary>When a waiting job is due (UTC), or null when none waits.</summary>
    public Task<DateTime?> DueAtAsync(string kind, string key, CancellationToken ct = default) =>
        db.Jobs.Where(j => j.Kind == kind && j.Key == key && j.Status == JobStatus.Waiting).Select(j => (DateTime?)j.DueAt).FirstOrDefaultAsync(ct);

    public Task<int> FailedCountAsync(CancellationToken ct = default) => db.Jobs.CountAsync(j => j.Status == JobStatus.Failed, ct);

    /// <summary>Runs a job that was given up once more, now (after the cause was fixed); false when it is not failed.</summary>
    public async Task<bool> RetryAsync(long id, Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.WriteAsync(async c =>
        {
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id && j.Status == JobStatus.Failed, c);
            if (job is null) return false;
            (job.Status, job.Attempts, job.DueAt, job.FinishedAt) = (JobStatus.Waiting, 0, now, null);
            db.Audit(clock, actor, AuditActions.JobRetried, AuditTargets.Job(job.Kind, job.Key), job.LastError);
            return true;
        }, ct);
        if (retried) signal.Wake();
        return retried;
    }
}
