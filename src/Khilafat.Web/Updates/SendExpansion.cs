using System.Globalization;
using System.Text;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Updates;

/// <summary>
/// The job that queues a send's messages (<see cref="JobKinds.ExpandSend"/>): each run takes the next batch of the
/// audience in subscriber-id order and, in one transaction, inserts a message for each into the outbox and moves
/// the send's cursor past them. The batch never leaves the database (INSERT ... SELECT), so a list of any size
/// expands in constant memory; a run repeated after a crash starts from the saved cursor, and the unique index on
/// (send, subscriber) refuses a second message to anyone.
/// </summary>
public sealed class SendExpansion(SiteDbContext db, TimeProvider clock, OutboxSignal outbox, IOptions<SendingOptions> options) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        var sendId = int.Parse(key, CultureInfo.InvariantCulture);
        var more = await db.WriteAsync(async c =>
        {
            var send = await db.UpdateSends.Include(s => s.Texts).FirstOrDefaultAsync(s => s.Id == sendId, c);
            if (send is null || send.Expanded || send.Status == SendStatus.Cancelled) return false;
            var translated = send.Texts.Select(t => t.Culture).ToList();
            var batch = await SendAudience.Of(send).Query(db, translated)
                .Where(s => s.Id > send.ExpandedThrough)
                .OrderBy(s => s.Id)
                .Select(s => s.Id)
                .Take(options.Value.ExpansionBatch)
                .ToListAsync(c);
            if (batch.Count > 0)
            {
                send.Queued += await QueueAsync(send, translated, batch, c);
                send.ExpandedThrough = batch[^1];
            }
            if (batch.Count < options.Value.ExpansionBatch)
            {
                send.Expanded = true;
                await db.SaveChangesAsync(c);
                await SendFigures.FinishIfDoneAsync(db, clock, send.Id, c);
            }
            return !send.Expanded;
        }, ct);
        outbox.Wake();
        return more ? JobOutcome.Again(clock.GetUtcNow().UtcDateTime) : JobOutcome.Done;
    }

    /// <summary>
    /// One INSERT ... SELECT for the batch: each subscriber's message in their language when the send has it, else
    /// in English. The ids are integers read just before in this transaction, and the languages the site's own
    /// codes, so they are written into the statement; the time is a parameter.
    /// </summary>
    private Task<int> QueueAsync(UpdateSend send, IReadOnlyList<string> translated, IReadOnlyList<int> subscriberIds, CancellationToken ct)
    {
        var languages = string.Join(", ", translated.Where(SiteCultures.IsSupported).Select(l => $"'{l}'"));
        var culture = $"CASE WHEN s.\"Language\" IN ({languages}) THEN s.\"Language\" ELSE '{SiteCultures.Default}' END";
        var ids = new StringBuilder();
        foreach (var id in subscriberIds) ids.Append(ids.Length == 0 ? "" : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        var sql = $$"""
            INSERT INTO "OutboxMessages" ("Kind", "To", "Subject", "SubscriberId", "SendId", "Culture", "Status", "CreatedAt", "NextAttemptAt", "Attempts")
            SELECT '{{OutboxKinds.Update}}', s."Email",
                   (SELECT t."Subject" FROM "SendTexts" t WHERE t."SendId" = {{send.Id}} AND t."Culture" = {{culture}}),
                   s."Id", {{send.Id}}, {{culture}}, {{(int)OutboxStatus.Queued}}, {0}, {0}, 0
            FROM "Subscribers" s
            WHERE s."Id" IN ({{ids}})
            ON CONFLICT DO NOTHING
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [clock.GetUtcNow().UtcDateTime], ct);
    }
}

/// <summary>Ends a send once nothing of it is left to go, and keeps its figures on it.</summary>
internal static class SendFigures
{
    /// <summary>
    /// Inside a write: when the send is expanded and has no queued message left, marks it finished with its figures; a
    /// cancelled send (expanded or not) gets its figures as they are now.
    /// </summary>
    public static async Task FinishIfDoneAsync(SiteDbContext db, TimeProvider clock, int sendId, CancellationToken ct)
    {
        var send = await db.UpdateSends.FirstOrDefaultAsync(s => s.Id == sendId, ct);
        if (send is null || send.Status == SendStatus.Finished) return;
        if (send.Status != SendStatus.Cancelled
            && (!send.Expanded || await db.OutboxMessages.AnyAsync(m => m.SendId == sendId && m.Status == OutboxStatus.Queued, ct))) return;
        var counts = await db.OutboxMessages.Where(m => m.SendId == sendId).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        send.Sent = counts.Where(c => c.Key == OutboxStatus.Sent).Sum(c => c.Count);
        send.Failed = counts.Where(c => c.Key == OutboxStatus.Failed).Sum(c => c.Count);
        send.Skipped = counts.Where(c => c.Key == OutboxStatus.Skipped).Sum(c => c.Count);
        if (send.Status != SendStatus.Cancelled)
        {
            send.Status = SendStatus.Finished;
            send.FinishedAt = clock.GetUtcNow().UtcDateTime;
        }
    }
}
