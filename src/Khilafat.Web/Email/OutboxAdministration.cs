using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Email;

public sealed record OutboxItem(long Id, string Kind, string To, string Subject, OutboxStatus Status, DateTime CreatedAt, int Attempts, DateTime NextAttemptAt, string? LastError);

/// <summary>What editors see of outgoing email: what waits, what failed, and retrying failed messages.</summary>
public sealed class OutboxAdministration(SiteDbContext db, TimeProvider clock, OutboxSignal signal)
{
    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var status in Enum.GetValues<OutboxStatus>()) counts.TryAdd(status, 0);
        return counts;
    }

    /// <summary>The latest 100 messages with <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxStatus status, CancellationToken ct = default) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.Status == status).OrderByDescending(m => m.Id).Take(100)
            .Select(m => new OutboxItem(m.Id, m.Kind, m.To, m.Subject, m.Status, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);

    /// <summary>Puts failed messages (one, or all when <paramref name="id"/> is null) back in the queue with a fresh count of tries.</summary>
    public async Task<int> RetryAsync(long? id, Actor actor, CancellationToken ct = default)
    {
        var retried = await db.WriteAsync(async c =>
        {
            var failed = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed && (id == null || m.Id == id)).ToListAsync(c);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var message in failed)
            {
                message.Status = OutboxStatus.Queued;
                message.Attempts = 0;
                message.NextAttemptAt = now;
            }
            if (failed.Count > 0) db.Audit(clock, actor, AuditActions.OutboxRetried, AuditTargets.Outbox(id), $"{failed.Count} messages");
            return failed.Count;
        }, ct);
        if (retried > 0) signal.Wake();
        return retried;
    }
}
