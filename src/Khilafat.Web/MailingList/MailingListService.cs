using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.MailingList;

/// <summary>A sign-up as submitted. The consent is recorded as it was shown: in the page's language, with the version of the wording.</summary>
public sealed record SignUpRequest(string Email, string? Name, string? Country, string Language, string Source, string? ConsentText = null,
    string WordingVersion = ConsentWording.Version)
{
    public string ShownConsentText => ConsentText ?? ConsentWording.Text;
    public string ConsentVersion => Language == "en" ? WordingVersion : $"{WordingVersion}-{Language}";
}

/// <summary>What a sign-up did. The visitor sees the same page whatever it is, so nobody learns who is subscribed.</summary>
public enum SignUpOutcome { Added, ConfirmationSent, NothingSent }

public enum ConfirmOutcome { Confirmed, AlreadyConfirmed, Expired, Unknown }

public enum LinkState { Valid, AlreadyConfirmed, Expired, Unknown }

/// <summary>Joining the list with double opt-in, confirming, and unsubscribing: what visitors do.</summary>
public sealed class MailingListService(
    SiteDbContext db, TimeProvider clock, Outbox outbox, EmailTemplates templates, SiteUrls urls, SiteKeys keys, WelcomeEmail welcome)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);
    private static readonly ConfirmationLimits.MailboxRows<Subscriber> Mailboxes = new(db => db.Subscribers);
    public const string UnsubscribePurpose = "unsubscribe";

    /// <summary>
    /// Signs up an address (already normalized and checked) as Pending and queues its confirmation email, in one
    /// transaction. A confirmed subscriber is never changed; a pending or unsubscribed one gets a new confirmation
    /// within <see cref="ConfirmationLimits"/>.
    /// </summary>
    public async Task<SignUpOutcome> SignUpAsync(SignUpRequest request, CancellationToken ct = default)
    {
        // Stored as it will be shown to editors: without invisible characters that could reorder or hide it.
        request = request with { Name = Testimonials.VisitorText.StripInvisible(request.Name) };
        // On PostgreSQL an import can add the address between this sign-up's look and its insert: then the write runs
        // again (see WriteAsync), as for an address already on the list.
        var outcome = await db.WriteAsync(c => SignUpOnceAsync(request, c), ct);
        if (outcome != SignUpOutcome.NothingSent) outbox.Wake();
        return outcome;
    }

    private async Task<SignUpOutcome> SignUpOnceAsync(SignUpRequest request, CancellationToken ct)
    {
        // Two sign-ups of one mailbox (one address, or its +variants) run one after the other (on SQLite the
        // transaction's write lock does it), so that they count each other's confirmations.
        var (local, domain) = EmailAddresses.Mailbox(request.Email);
        await db.Database.LockAsync("subscriber:" + local.ToUpperInvariant() + "@" + domain.ToUpperInvariant(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var mailbox = await Mailboxes.CheckAsync(db, request.Email, now, ct);
        // A new mailbox (most sign-ups) has no row for this address: no second look.
        var subscriber = mailbox.HasRows ? await db.Subscribers.SingleOrDefaultAsync(s => s.Email == request.Email, ct) : null;
        if (!mailbox.MayGetAnother) return SignUpOutcome.NothingSent;
        // A confirmed subscriber is not changed or written to from here: only counted, so that the answer takes as long.
        if (subscriber?.Status == SubscriberStatus.Confirmed)
        {
            ConfirmationLimits.Count(subscriber, now);
            return SignUpOutcome.NothingSent;
        }

        var consent = new Consent { Version = request.ConsentVersion, Text = request.ShownConsentText, GivenAt = now, Source = request.Source };
        if (subscriber is not null)
        {
            // A new opt-in: the details and consent given now replace the earlier unconfirmed ones.
            (subscriber.Name, subscriber.Country, subscriber.Language, subscriber.Consent) = (request.Name, request.Country, request.Language, consent);
            await QueueConfirmationEmailAsync(subscriber, ConfirmationLimits.IssueConfirmation(subscriber, now));
            return SignUpOutcome.ConfirmationSent;
        }
        subscriber = new Subscriber
        {
            Email = request.Email, Name = request.Name, Country = request.Country, Language = request.Language,
            Status = SubscriberStatus.Pending, CreatedAt = now, Consent = consent,
        };
        // The token before the insert, which then stores it; the email after, as its unsubscribe link carries the new id.
        var token = ConfirmationLimits.IssueConfirmation(subscriber, now);
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        await QueueConfirmationEmailAsync(subscriber, token);
        return SignUpOutcome.Added;
    }

    /// <summary>Issues a new confirmation token and queues the email with it; the caller saves.</summary>
    internal Task QueueConfirmationAsync(Subscriber subscriber, DateTime now) => QueueConfirmationEmailAsync(subscriber, ConfirmationLimits.IssueConfirmation(subscriber, now));

    /// <summary>Queues the confirmation email with <paramref name="token"/> for a subscriber that has its id; the caller saves.</summary>
    private async Task QueueConfirmationEmailAsync(Subscriber subscriber, string token)
    {
        var unsubscribe = await UnsubscribeLinksAsync(subscriber.Id, subscriber.Language);
        var content = templates.Confirmation(subscriber.Language, subscriber.Name, urls.Absolute(SiteUrls.ConfirmSubscriptionPath(subscriber.Language, token)), unsubscribe.Page);
        outbox.Queue(OutboxKinds.Confirmation, subscriber.Email, content, unsubscribe.OneClick, subscriber.Id);
    }

    /// <summary>
    /// The links that unsubscribe this subscriber: a page with a button (for the email's text) and the RFC 8058
    /// one-click address (for the List-Unsubscribe header), both carrying the same signed token.
    /// </summary>
    public async Task<(string Page, string OneClick)> UnsubscribeLinksAsync(int subscriberId, string language)
    {
        var token = await keys.SignAsync(UnsubscribePurpose, subscriberId);
        return (urls.Absolute(SiteUrls.UnsubscribePath(language, token)), urls.Absolute(SiteUrls.OneClickUnsubscribePath(token)));
    }

    /// <summary>What a confirmation link leads to, without changing anything (mail scanners open links).</summary>
    public async Task<LinkState> CheckConfirmationAsync(string? token, CancellationToken ct = default)
    {
        var subscriber = await FindByConfirmationAsync(token, ct);
        if (subscriber is null) return LinkState.Unknown;
        if (subscriber.Status == SubscriberStatus.Confirmed) return LinkState.AlreadyConfirmed;
        return subscriber.ConfirmTokenExpiresAt < clock.GetUtcNow().UtcDateTime ? LinkState.Expired : LinkState.Valid;
    }

    /// <summary>
    /// Confirms the subscription a link is for and, in the same write, queues the welcome when an editor has published
    /// one. The status changes in one conditional statement, so of two clicks at once (on several instances too) only
    /// one confirms and welcomes; the other finds the address confirmed already.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        var welcomed = false;
        var outcome = await db.WriteAsync(async c =>
        {
            welcomed = false;
            var subscriber = await FindByConfirmationAsync(token, c);
            if (subscriber is null) return ConfirmOutcome.Unknown;
            if (subscriber.Status == SubscriberStatus.Confirmed) return ConfirmOutcome.AlreadyConfirmed;
            var now = clock.GetUtcNow().UtcDateTime;
            if (subscriber.ConfirmTokenExpiresAt < now) return ConfirmOutcome.Expired;

            var changed = await db.Subscribers.Where(s => s.Id == subscriber.Id && s.Status != SubscriberStatus.Confirmed)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.Status, SubscriberStatus.Confirmed)
                    .SetProperty(s => s.ConfirmedAt, now)
                    .SetProperty(s => s.UnsubscribedAt, (DateTime?)null), c);
            if (changed == 0) return ConfirmOutcome.AlreadyConfirmed;
            welcomed = await QueueWelcomeAsync(subscriber, c);
            return ConfirmOutcome.Confirmed;
        }, ct);
        if (welcomed) outbox.Wake();
        return outcome;
    }

    /// <summary>
    /// Queues the published welcome for a subscriber who has just confirmed; the caller saves. Someone welcomed before
    /// (who unsubscribed and joined again while that welcome is still in the outbox) is not welcomed twice.
    /// </summary>
    private async Task<bool> QueueWelcomeAsync(Subscriber subscriber, CancellationToken ct)
    {
        if (await welcome.PublishedForAsync(subscriber.Language, ct) is not { } published) return false;
        if (await db.OutboxMessages.AnyAsync(m => m.SubscriberId == subscriber.Id && m.Kind == OutboxKinds.Welcome, ct)) return false;
        var unsubscribe = await UnsubscribeLinksAsync(subscriber.Id, subscriber.Language);
        var content = await welcome.ComposeAsync(published.Culture, published.Text, subscriber.Name, unsubscribe.Page, ct);
        outbox.Queue(OutboxKinds.Welcome, subscriber.Email, content, unsubscribe.OneClick, subscriber.Id);
        return true;
    }

    /// <summary>The subscriber an unsubscribe link is for, or null when the link is not valid.</summary>
    public async Task<(string Email, SubscriberStatus Status)?> CheckUnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        var id = await keys.VerifyAsync(UnsubscribePurpose, token);
        if (id is null) return null;
        var subscriber = await db.Subscribers.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Email, s.Status }).SingleOrDefaultAsync(ct);
        return subscriber is null ? null : (subscriber.Email, subscriber.Status);
    }

    /// <summary>Unsubscribes the address a link is for; false when the link is not valid. Doing it twice is harmless.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        var id = await keys.VerifyAsync(UnsubscribePurpose, token);
        if (id is null) return false;
        return await db.WriteAsync(async c =>
        {
            var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, c);
            if (subscriber is null) return false;
            await UnsubscribeAsync(subscriber, c);
            return true;
        }, ct);
    }

    /// <summary>
    /// Marks the subscriber unsubscribed and keeps only what honouring the opt-out needs: the address, the consent
    /// record (its wording and time) and the time. Mail still waiting for them is dropped. Called inside the caller's
    /// write, which loaded <paramref name="subscriber"/>.
    /// </summary>
    internal Task UnsubscribeAsync(Subscriber subscriber, CancellationToken ct) => db.WriteAsync(async c =>
    {
        if (subscriber.Status == SubscriberStatus.Unsubscribed) return;
        subscriber.Status = SubscriberStatus.Unsubscribed;
        subscriber.UnsubscribedAt = clock.GetUtcNow().UtcDateTime;
        (subscriber.Name, subscriber.Country, subscriber.ConfirmTokenHash, subscriber.ConfirmTokenExpiresAt) = (null, null, null, null);
        // An update's message waiting for them stays, skipped, so the send's figures still add up; anything else
        // waiting for them (a confirmation, with its link) goes.
        var listMail = db.OutboxMessages.Where(m => m.SubscriberId == subscriber.Id && m.Status == OutboxStatus.Queued && m.SendId != null);
        var sends = await listMail.Select(m => m.SendId!.Value).Distinct().ToListAsync(c);
        await listMail.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Skipped).SetProperty(m => m.LastError, "The subscriber unsubscribed."), c);
        await db.OutboxMessages.Where(m => m.SubscriberId == subscriber.Id && m.Status == OutboxStatus.Queued).ExecuteDeleteAsync(c);
        // Theirs may have been a send's last message: then the send is over.
        foreach (var send in sends) await Updates.SendFigures.FinishIfDoneAsync(db, clock, send, c);
    }, ct);

    private async Task<Subscriber?> FindByConfirmationAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = SiteKeys.HashToken(token);
        return await db.Subscribers.SingleOrDefaultAsync(s => s.ConfirmTokenHash == hash, ct);
    }
}
