using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.MailingList;

/// <summary>Sign-ups nobody confirmed: the address was given, perhaps by someone else, and its owner never agreed.</summary>
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
        await transaction.CommitAsync(ct);
        if (erased > 0) logger.LogInformation("Data minimisation: {Count} sign-ups never confirmed were erased.", erased);
        return erased;
    }
}
