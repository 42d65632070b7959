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
    /// with every email to them. One that was confirmed once and unsubscribed keeps its record of the opt-out; a
    /// sign-up of that address made since and never confirmed goes back to that record: the name and country given
    /// then (perhaps by someone else) were never its owner's to keep. Returns how many were erased. Run by the
    /// periodic maintenance.
    /// </summary>
    public async Task<int> EraseUnconfirmedAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.ErasePendingAfter;
        var expired = db.Subscribers.Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmedAt == null && s.UnsubscribedAt == null && s.Consent.GivenAt < cutoff);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.OutboxMessages.Where(m => m.SubscriberId != null && expired.Select(s => (int?)s.Id).Contains(m.SubscriberId)).ExecuteDeleteAsync(ct);
        var erased = await expired.ExecuteDeleteAsync(ct);
        // The address stays, with the opt-out and the words of the unconfirmed consent (its time and page): what honouring
        // the opt-out needs, and nothing of whoever typed it.
        var signedUpAgain = db.Subscribers.Where(s => s.Status == SubscriberStatus.Unsubscribed && s.UnsubscribedAt < s.Consent.GivenAt && s.Consent.GivenAt < cutoff
            && (s.Name != null || s.Country != null || s.ConfirmTokenHash != null));
        await db.OutboxMessages.Where(m => m.SendId == null && m.SubscriberId != null && signedUpAgain.Select(s => (int?)s.Id).Contains(m.SubscriberId)).ExecuteDeleteAsync(ct);
        erased += await signedUpAgain.ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, (string?)null).SetProperty(s => s.Country, (string?)null)
            .SetProperty(s => s.ConfirmTokenHash, (string?)null).SetProperty(s => s.ConfirmTokenExpiresAt, (DateTime?)null), ct);
        // A signature or an answer never confirmed holds no place and counts nowhere: it goes whole. (One confirmed and
        // later cancelled was stripped of its name and address when it was cancelled.)
        erased += await db.PetitionSignatures.Where(s => s.Status == Petitions.SignatureStatus.Pending && s.ConfirmedAt == null && s.Consent.GivenAt < cutoff).ExecuteDeleteAsync(ct);
        var unconfirmedAnswers = db.Rsvps.Where(r => r.Status == Events.RsvpStatus.Pending && r.ConfirmedAt == null && r.Consent.GivenAt < cutoff);
        await Events.AttendeeMail.DropAsync(db, unconfirmedAnswers, ct);
        erased += await unconfirmedAnswers.ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        if (erased > 0) logger.LogInformation("Data minimisation: {Count} sign-ups, signatures and event answers never confirmed were erased.", erased);
        return erased;
    }
}
