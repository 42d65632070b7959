using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.MailingList;

/// <summary>
/// Sign-ups nobody confirmed, to the list, a petition or an event: the name and address were given, perhaps by someone
/// else, and their owner never agreed. None is kept longer than <see cref="MailingListOptions.ErasePendingAfter"/>.
/// </summary>
public sealed class PendingSignUps(SiteDbContext db, TimeProvider clock, IOptions<MailingListOptions> options, ILogger<PendingSignUps> logger)
{
    /// <summary>
    /// Erases sign-ups still unconfirmed <see cref="MailingListOptions.ErasePendingAfter"/> after the latest of them,
    /// with every email to them. One that was confirmed once and unsubscribed keeps its record of the opt-out.
    /// Returns how many were erased. Run by the periodic maintenance.
    /// </summary>
    public async Task<int> EraseUnconfirmedAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.ErasePendingAfter;
        var expired = db.Subscribers.Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmedAt == null && s.UnsubscribedAt == null && s.Consent.GivenAt < cutoff);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.OutboxMessages.Where(m => m.SubscriberId != null && expired.Select(s => (int?)s.Id).Contains(m.SubscriberId)).ExecuteDeleteAsync(ct);
        var erased = await expired.ExecuteDeleteAsync(ct);
        // A signature or an answer never confirmed holds no place and counts nowhere: it goes whole. (One confirmed and
        // later cancelled was stripped of its name and address when it was cancelled.)
        erased += await db.PetitionSignatures.Where(s => s.Status == Petitions.SignatureStatus.Pending && s.ConfirmedAt == null && s.Consent.GivenAt < cutoff).ExecuteDeleteAsync(ct);
        erased += await db.Rsvps.Where(r => r.Status == Events.RsvpStatus.Pending && r.ConfirmedAt == null && r.Consent.GivenAt < cutoff).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        if (erased > 0) logger.LogInformation("Data minimisation: {Count} sign-ups, signatures and event answers never confirmed were erased.", erased);
        return erased;
    }
}
