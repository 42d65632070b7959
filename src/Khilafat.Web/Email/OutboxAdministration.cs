using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Updates;
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

    /// <summary>Messages listed per page.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// The messages with <paramref name="status"/>, newest first, a page of <see cref="PageSize"/> (after an outage a
    /// send's failures are tens of thousands: every one can be found).
    /// </summary>
    public async Task<(IReadOnlyList<OutboxItem> Items, int Page, int PageCount)> ListAsync(OutboxStatus status, int page, int total, CancellationToken ct = default)
    {
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == status).OrderByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxItem(m.Id, m.Kind, m.To, m.Subject, m.Status, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
        return (items, page, pageCount);
    }

    /// <summary>
    /// Puts failed messages (one, or all when <paramref name="id"/> is null) back in the queue with a fresh count of
    /// tries, and a send they belong to back to sending.
    /// </summary>
    /// <remarks>
    /// One statement, not the rows loaded and saved one by one: after a mail server's outage a send's failures are tens
    /// of thousands of rows, and loading them held the write gate (every sign-up waiting) for 14 s and took 150 MB.
    /// </remarks>
    public async Task<int> RetryAsync(long? id, Actor actor, CancellationToken ct = default)
    {
        var retried = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // A cancelled send's messages stay failed: nothing would take them again.
            var failed = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed && (id == null || m.Id == id)
                && (m.SendId == null || db.UpdateSends.Any(s => s.Id == m.SendId && s.Status != SendStatus.Cancelled)));
            // A send that ended with failures (the mail server down through every try) goes on with them: the sender
            // takes list mail only of a send that is sending, and it ends again, with its figures counted again, once
            // they have gone. (Its sent messages are all still here: the outbox keeps them longer than its failures.)
            await db.UpdateSends.Where(s => s.Status == SendStatus.Finished && failed.Any(m => m.SendId == s.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SendStatus.Sending).SetProperty(s => s.FinishedAt, (DateTime?)null), c);
            var count = await failed
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Queued).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), c);
            if (count > 0) db.Audit(clock, actor, AuditActions.OutboxRetried, AuditTargets.Outbox(id), $"{count} messages");
            return count;
        }, ct);
        if (retried > 0) signal.Wake();
        return retried;
    }
}
