using System.Text.RegularExpressions;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Privacy;

/// <summary>
/// Data minimisation on a timer: a testimonial's hash of the address it was sent from goes an hour after it was sent
/// (<see cref="KeepTestimonialIpHashFor"/>); a rejected (or spam) testimonial's email goes 30 days after the decision;
/// mail leaves the outbox (with the address and the body) 30 days after it was sent, or after it was queued when it
/// failed or was skipped; sign-ups, signatures and event answers never confirmed are erased
/// (<see cref="MailingList.PendingSignUps"/>); finished jobs are forgotten. Runs hourly, as a job.
/// </summary>
public sealed partial class Maintenance(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Maintenance> logger) : IJobHandler
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a testimonial keeps the keyed hash of the address it was sent from (and, run hourly, this erases it
    /// within the hour after). Only the check for the same words sent twice reads it, and only for
    /// <see cref="TestimonialService.ResentWithin"/>; kept for good, it tied a pen name to every other testimonial from
    /// that network, and to any guess of the address tried with the site's key.
    /// </summary>
    public static readonly TimeSpan KeepTestimonialIpHashFor = TimeSpan.FromHours(1);

    /// <summary>How often it runs, as the recurring job <see cref="JobKinds.Maintenance"/>.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        await RunOnceAsync(ct);
        return JobOutcome.Again(clock.GetUtcNow().UtcDateTime + Every);
    }

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - KeepFor;
        var hashedBefore = now - KeepTestimonialIpHashFor;
        var hashes = await db.WriteAsync(c => db.Testimonials.Where(t => t.IpHash != null && t.SubmittedAt < hashedBefore)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.IpHash, (string?)null), c), ct);
        var emails = await db.WriteAsync(c => db.Testimonials
            .Where(t => t.Email != null && (t.Status == TestimonialStatus.Rejected || t.Status == TestimonialStatus.Spam) && (t.ModeratedAt ?? t.SubmittedAt) < cutoff)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Email, (string?)null), c), ct);
        var sent = await DeleteInBatchesAsync(db, db.OutboxMessages.Where(m => (m.Status == OutboxStatus.Sent && m.SentAt < cutoff)
            // A send's own figures are kept on its row once it is over; until then they are counted from here.
            || ((m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Skipped) && m.CreatedAt < cutoff
                && (m.SendId == null || db.UpdateSends.Any(s => s.Id == m.SendId && (s.Status == SendStatus.Finished || s.Status == SendStatus.Cancelled))))), ct);
        await DeleteInBatchesAsync(db, db.Jobs.Where(j => j.Status == JobStatus.Done && j.FinishedAt < cutoff), ct);
        await ForgetExportSearchesAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<MailingList.PendingSignUps>().EraseUnconfirmedAsync(ct);
        // The hour's erasures, the jobs' (attendees after an event, ...) and these, out of SQLite's log as well.
        if (!await db.EmptySqliteLogAsync(ct)) logger.LogInformation("The database's log could not be emptied this round (readers kept it); the next round tries again.");
        if (hashes + emails + sent > 0)
            logger.LogInformation("Data minimisation: {Hashes} testimonial address hashes and {Emails} testimonial emails erased, {Sent} messages removed from the outbox.",
                hashes, emails, sent);
    }

    /// <summary>Rows deleted per write by <see cref="DeleteInBatchesAsync{T}"/>.</summary>
    public const int DeleteBatch = 1000;

    /// <summary>
    /// Deletes what <paramref name="expired"/> finds, <see cref="DeleteBatch"/> rows per write. A backlog (after
    /// downtime, a restored backup, a send's mail that failed for a month) is hundreds of thousands of rows: deleted in
    /// one write, it held the write gate for 17 s, and every sign-up and editor's save waited that long.
    /// </summary>
    /// <remarks>
    /// In no order: any rows that match will do, and SQLite stops at the batch's size. Ordered by id, the outbox's
    /// condition (two branches, each on its own index) read and sorted every match for each batch: 216,000 rows took
    /// longer than 20 s in batches, against 2 s in one write.
    /// </remarks>
    private static async Task<int> DeleteInBatchesAsync<T>(SiteDbContext db, IQueryable<T> expired, CancellationToken ct) where T : class
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.WriteAsync(c => expired.Take(DeleteBatch).ExecuteDeleteAsync(c), ct);
            total += deleted;
        } while (deleted == DeleteBatch);
        return total;
    }

    /// <summary>
    /// Subscriber exports logged before 6 December kept their search, often someone's address, which would outlive that
    /// person's erasure: it becomes "(not recorded)", as the log now writes it (an empty one, "none"). Finds nothing once done.
    /// </summary>
    private static Task ForgetExportSearchesAsync(SiteDbContext db, CancellationToken ct) => db.WriteAsync(async c =>
    {
        var logged = await db.AuditEntries.Where(e => e.Action == Audit.AuditActions.SubscribersExported && e.Details != null && e.Details.Contains(" search=")
            && !e.Details.Contains(" search=none") && !e.Details.Contains(" search=(not recorded)")).ToListAsync(c);
        foreach (var entry in logged)
            entry.Details = LoggedSearch().Replace(entry.Details!, m => " search=" + (m.Groups["q"].Length == 0 ? "none" : "(not recorded)") + m.Groups["bouncing"].Value);
    }, ct);

    [GeneratedRegex(@" search=(?<q>.*?)(?<bouncing> bouncing only)?$", RegexOptions.Singleline)]
    private static partial Regex LoggedSearch();
}