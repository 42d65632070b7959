using System.Globalization;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Events;

/// <summary>An RSVP as submitted, with the consent wording as it was shown (in the page's language).</summary>
public sealed record RsvpRequest(int EventId, string Name, string Email, int PartySize, string Language, string Source,
    string ConsentText, bool JoinList = false, string? ListConsentText = null, string? Honeypot = null, string? FormStamp = null)
{
    public string ConsentVersion => Language == SiteCultures.Default ? RsvpConsent.Version : $"{RsvpConsent.Version}-{Language}";
}

/// <summary>What an RSVP did. The visitor sees the same page whatever it is, so nobody learns who answered.</summary>
public enum RsvpOutcome { ConfirmationSent, NothingSent, Closed, TooMany, FormExpired, TooFast }

public enum RsvpConfirmOutcome { Confirmed, Waitlisted, AlreadyDone, Expired, Unknown, Closed }

/// <summary>What a confirm or cancel link leads to, before anything is pressed.</summary>
public sealed record RsvpLink(LinkState State, RsvpStatus Status, string EventSlug, string EventTitle, int PartySize, string EventTitleLanguage = SiteCultures.Default,
    int MaxPartySize = 1, bool EventOpen = false)
{
    /// <summary>Whether the attendee may still change how many come: their answer holds or awaits places, and the event is on and not started.</summary>
    public bool CanChangePeople => EventOpen && Status is (RsvpStatus.Confirmed or RsvpStatus.Waitlisted) && MaxPartySize > 1;
}

/// <summary>What changing an answer's number of people did.</summary>
public enum PartySizeOutcome { Changed, TooFewPlaces, OutOfRange, Closed, Unknown }

/// <summary>Whose calendar an attendee's own calendar link is: their event, their language, and the join link while they hold a place.</summary>
public sealed record AttendeeCalendar(int EventId, string Language, string? JoinUrl);

/// <summary>The RSVP's consent: what an attendee agrees to when they answer. Change the text only with a new version.</summary>
public static class RsvpConsent
{
    public const string Version = "rsvp-2026-12b";

    public const string Text = "I agree to my name and email address being kept to manage my answer to this event. They are erased a few weeks after it; if it is postponed with no new date, a few months after the postponement or my answer, whichever is later.";
}

/// <summary>
/// Answering an event: double opt-in by email (as the list's), a place when one is free or the waitlist in the order
/// people confirmed, and cancelling, which gives the freed places to the next on the waitlist whose party fits. Every
/// change to who holds places runs in one write under the event's lock, so the places are never over-given, however
/// many confirm at once and on however many instances.
/// </summary>
public sealed class RsvpService(SiteDbContext db, TimeProvider clock, Outbox outbox, EventEmails emails, SiteKeys keys,
    MailingListService mailingList, IOutputCacheStore cache, IDataProtectionProvider protection)
{
    private IDataProtector FormStamps => protection.CreateProtector("Khilafat.Web.Events.FormStamp");
    private static readonly ConfirmationLimits.MailboxRows<Rsvp> Mailboxes = new(db => db.Rsvps, r => r.EventId);

    /// <summary>A tamper-proof note of when the RSVP form was served, for its minimum fill time.</summary>
    public string NewFormStamp() => SpamCheck.NewFormStamp(FormStamps, clock.GetUtcNow().UtcDateTime);

    /// <summary>A stamp for the form shown again after its own expired (see <see cref="SpamCheck.RenewedFormStamp"/>).</summary>
    public string RenewedFormStamp() => SpamCheck.RenewedFormStamp(FormStamps, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Whether the event takes answers now: published, not cancelled, and not started; or postponed with its new date
    /// to be announced, when those who answer are told the date with everyone else.
    /// </summary>
    public static bool IsOpen(PublishedEvent e, DateTime now) => IsOpen(e.State, e.StartsAt, now);

    public static bool IsOpen(Event e, DateTime now) => IsOpen(e.State, e.StartsAt, now);

    private static bool IsOpen(EventState state, DateTime startsAt, DateTime now) =>
        state == EventState.DateToBeAnnounced || (state != EventState.Cancelled && startsAt > now);

    /// <summary>
    /// Records an answer (already checked) as pending and queues its confirmation email, in one write; a robot's
    /// answer (honeypot, time trap) is thanked and forgotten. The same address answering again gets a new link at most
    /// once per 10 minutes and 3 times a day; one already holding a place or waiting is not changed.
    /// </summary>
    public async Task<RsvpOutcome> SubmitAsync(RsvpRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (SpamCheck.RobotReason(request.Honeypot, request.FormStamp, FormStamps, now) is { } robot)
            return robot switch { SpamCheck.FormExpired => RsvpOutcome.FormExpired, SpamCheck.TooFast => RsvpOutcome.TooFast, _ => RsvpOutcome.NothingSent };
        var name = VisitorText.StripInvisible(request.Name) ?? "";
        var outcome = await db.WriteAsync(async c =>
        {
            var e = await db.Events.SingleOrDefaultAsync(x => x.Id == request.EventId, c);
            if (e is null || !IsOpen(e, now)) return RsvpOutcome.Closed;
            if (request.PartySize < 1 || request.PartySize > e.MaxPartySize) return RsvpOutcome.TooMany;
            var (local, domain) = EmailAddresses.Mailbox(request.Email);
            await db.Database.LockAsync($"rsvp:{e.Id}:{local.ToUpperInvariant()}@{domain.ToUpperInvariant()}", c);
            // Every +variant of the address counts towards one allowance of confirmation emails, as on the list.
            var mailbox = await Mailboxes.CheckAsync(db, request.Email, now, c, scope: e.Id);
            var rsvp = mailbox.HasRows ? await db.Rsvps.SingleOrDefaultAsync(r => r.EventId == e.Id && r.Email == request.Email, c) : null;
            if (!mailbox.MayGetAnother) return RsvpOutcome.NothingSent;
            // An answer holding a place or waiting for one is left as it is, only counted, so that the answer takes as long.
            if (rsvp?.Status is RsvpStatus.Confirmed or RsvpStatus.Waitlisted)
            {
                ConfirmationLimits.Count(rsvp, now);
                return RsvpOutcome.NothingSent;
            }
            var consent = new Consent { Version = request.ConsentVersion, Text = request.ConsentText, GivenAt = now, Source = request.Source };
            if (rsvp is null)
                rsvp = db.Rsvps.Add(new Rsvp { EventId = e.Id, Email = request.Email, Name = name, PartySize = request.PartySize, Language = request.Language, CreatedAt = now, Consent = consent }).Entity;
            else
                (rsvp.Name, rsvp.PartySize, rsvp.Language, rsvp.Consent, rsvp.Status, rsvp.CancelledAt) = (name, request.PartySize, request.Language, consent, RsvpStatus.Pending, null);
            var token = ConfirmationLimits.IssueConfirmation(rsvp, now);
            // Saved first for its id, which the email carries: cancelling or erasing the answer takes its mail with it.
            if (rsvp.Id == 0) await db.SaveChangesAsync(c);
            outbox.Queue(OutboxKinds.RsvpConfirmation, request.Email, await emails.ConfirmationAsync(e, rsvp, token, c), rsvpId: rsvp.Id);
            return RsvpOutcome.ConfirmationSent;
        }, ct);
        if (outcome == RsvpOutcome.ConfirmationSent) outbox.Wake();
        // A separate choice, with its own consent and its own confirmation: the list's sign-up as /join makes it.
        if (request.JoinList && outcome is RsvpOutcome.ConfirmationSent or RsvpOutcome.NothingSent)
            await mailingList.SignUpAsync(new SignUpRequest(request.Email, name.Length > 0 ? name : null, null, request.Language, request.Source,
                request.ListConsentText ?? ConsentWording.WithoutCountryText, ConsentWording.WithoutCountryVersion), ct);
        return outcome;
    }

    /// <summary>What a confirmation link leads to, changing nothing (mail scanners open links).</summary>
    public async Task<RsvpLink?> CheckConfirmationAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = SiteKeys.HashToken(token);
        if (await db.Rsvps.AsNoTracking().SingleOrDefaultAsync(r => r.ConfirmTokenHash == hash, ct) is not { } rsvp) return null;
        var state = rsvp.Status is RsvpStatus.Confirmed or RsvpStatus.Waitlisted ? LinkState.AlreadyConfirmed
            : rsvp.ConfirmTokenExpiresAt < clock.GetUtcNow().UtcDateTime ? LinkState.Expired : LinkState.Valid;
        return await LinkAsync(rsvp, state, ct);
    }

    /// <summary>What a cancel link leads to; null when it is not valid.</summary>
    public async Task<RsvpLink?> CheckManageAsync(string? token, CancellationToken ct = default)
    {
        if (await keys.VerifyAsync(EventEmails.CancelPurpose, token) is not { } id) return null;
        // A cancelled answer has lost its name and address, yet its link still says it is cancelled.
        var rsvp = await db.Rsvps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && (r.ErasedAt == null || r.Status == RsvpStatus.Cancelled), ct);
        return rsvp is null ? null : await LinkAsync(rsvp, LinkState.Valid, ct);
    }

    /// <summary>
    /// What an attendee's own calendar link leads to; null when it is not valid, or the answer was erased after the
    /// event. A cancelled answer's link still gives the calendar, without the join link, as does a waitlisted one's.
    /// </summary>
    public async Task<AttendeeCalendar?> CheckCalendarAsync(string? token, CancellationToken ct = default)
    {
        if (await keys.VerifyAsync(EventEmails.CalendarPurpose, token) is not { } id) return null;
        var found = await (from r in db.Rsvps.AsNoTracking()
                           join e in db.Events.AsNoTracking() on r.EventId equals e.Id
                           where r.Id == id && (r.ErasedAt == null || r.Status == RsvpStatus.Cancelled)
                           select new { r.Status, r.Language, Event = e }).SingleOrDefaultAsync(ct);
        return found is null ? null
            : new AttendeeCalendar(found.Event.Id, found.Language, EventCalendar.CarriesJoinLink(found.Event, found.Status) ? found.Event.OnlineUrl : null);
    }

    /// <summary>
    /// Confirms the RSVP a link is for: a place when the party fits in the places left, else the waitlist, in the order
    /// of confirming. Under the event's lock in one write, so 50 people confirming for the last places at once never
    /// take more than there are.
    /// </summary>
    public async Task<RsvpConfirmOutcome> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return RsvpConfirmOutcome.Unknown;
        var hash = SiteKeys.HashToken(token);
        var outcome = await db.WriteAsync(async c =>
        {
            var eventId = await db.Rsvps.Where(r => r.ConfirmTokenHash == hash).Select(r => (int?)r.EventId).SingleOrDefaultAsync(c);
            if (eventId is null) return RsvpConfirmOutcome.Unknown;
            await db.Database.LockAsync(EventEditor.LockKey(eventId.Value), c);
            // Read after the lock: what another confirmation committed meanwhile counts.
            var rsvp = await db.Rsvps.SingleAsync(r => r.ConfirmTokenHash == hash, c);
            var e = await db.Events.SingleAsync(x => x.Id == rsvp.EventId, c);
            var now = clock.GetUtcNow().UtcDateTime;
            if (rsvp.Status is RsvpStatus.Confirmed or RsvpStatus.Waitlisted) return RsvpConfirmOutcome.AlreadyDone;
            if (rsvp.Status == RsvpStatus.Cancelled || rsvp.ConfirmTokenExpiresAt < now) return RsvpConfirmOutcome.Expired;
            if (!IsOpen(e, now)) return RsvpConfirmOutcome.Closed;
            rsvp.ConfirmedAt = now;
            rsvp.NoticeNumber = e.NoticeNumber;
            // Whoever waits and fits was given the free places already (PromoteAsync), so what is left is this party's to take.
            if (await PlacesLeftAsync(e, c) >= rsvp.PartySize)
            {
                rsvp.Status = RsvpStatus.Confirmed;
                rsvp.PlaceGivenAt = now;
                outbox.Queue(OutboxKinds.RsvpDetails, rsvp.Email!, await emails.DetailsAsync(e, rsvp, promoted: false, c), rsvpId: rsvp.Id);
                return RsvpConfirmOutcome.Confirmed;
            }
            rsvp.Status = RsvpStatus.Waitlisted;
            outbox.Queue(OutboxKinds.RsvpDetails, rsvp.Email!, await emails.WaitlistedAsync(e, rsvp, c), rsvpId: rsvp.Id);
            return RsvpConfirmOutcome.Waitlisted;
        }, ct);
        if (outcome is RsvpConfirmOutcome.Confirmed or RsvpConfirmOutcome.Waitlisted)
        {
            outbox.Wake();
            await cache.EvictPublicAsync(ct);
        }
        return outcome;
    }

    /// <summary>
    /// Cancels the answer a cancel link is for and gives its places to the waitlist; false when the link is not valid.
    /// The person's name and address go at once (the organisers keep that an answer was cancelled, and its numbers).
    /// Twice is harmless.
    /// </summary>
    public async Task<bool> CancelAsync(string? token, CancellationToken ct = default)
    {
        if (await keys.VerifyAsync(EventEmails.CancelPurpose, token) is not { } id) return false;
        var found = await db.WriteAsync(async c =>
        {
            var eventId = await db.Rsvps.Where(r => r.Id == id && (r.ErasedAt == null || r.Status == RsvpStatus.Cancelled)).Select(r => (int?)r.EventId).SingleOrDefaultAsync(c);
            if (eventId is null) return false;
            await db.Database.LockAsync(EventEditor.LockKey(eventId.Value), c);
            var rsvp = await db.Rsvps.SingleAsync(r => r.Id == id, c);
            if (rsvp.Status == RsvpStatus.Cancelled) return true;
            var now = clock.GetUtcNow().UtcDateTime;
            var heldPlaces = rsvp.Status == RsvpStatus.Confirmed;
            (rsvp.Status, rsvp.CancelledAt) = (RsvpStatus.Cancelled, now);
            (rsvp.Name, rsvp.Email, rsvp.ConfirmTokenHash, rsvp.ErasedAt) = (null, null, null, now);
            // Their address goes from the mail to them too, waiting or sent (that they were told of this event is theirs).
            await AttendeeMail.DropAsync(db, db.Rsvps.Where(r => r.Id == id), c);
            if (heldPlaces)
            {
                await db.SaveChangesAsync(c);
                var e = await db.Events.SingleAsync(x => x.Id == rsvp.EventId, c);
                if (IsOpen(e, now)) await PromoteAsync(e, now, c);
            }
            return true;
        }, ct);
        if (found)
        {
            outbox.Wake();
            await cache.EvictPublicAsync(ct);
        }
        return found;
    }

    /// <summary>
    /// Changes how many people an answer is for, from the attendee's own link. Fewer frees places, which go to the
    /// waitlist at once; more takes places only while there are as many free, else the answer keeps what it holds and the
    /// outcome says how many more are free. A waiting answer keeps its turn, and gets a place when its new number fits.
    /// Under the event's lock in one write, as confirming and cancelling are.
    /// </summary>
    public async Task<(PartySizeOutcome Outcome, int PlacesFree)> ChangePeopleAsync(string? token, int people, CancellationToken ct = default)
    {
        if (await keys.VerifyAsync(EventEmails.CancelPurpose, token) is not { } id) return (PartySizeOutcome.Unknown, 0);
        var (outcome, free) = await db.WriteAsync(async c =>
        {
            var eventId = await db.Rsvps.Where(r => r.Id == id && r.ErasedAt == null).Select(r => (int?)r.EventId).SingleOrDefaultAsync(c);
            if (eventId is null) return (PartySizeOutcome.Unknown, 0);
            await db.Database.LockAsync(EventEditor.LockKey(eventId.Value), c);
            var rsvp = await db.Rsvps.SingleAsync(r => r.Id == id, c);
            var e = await db.Events.SingleAsync(x => x.Id == rsvp.EventId, c);
            var now = clock.GetUtcNow().UtcDateTime;
            if (rsvp.Status is not (RsvpStatus.Confirmed or RsvpStatus.Waitlisted) || !IsOpen(e, now))
                return (PartySizeOutcome.Closed, 0);
            if (people < 1 || people > e.MaxPartySize) return (PartySizeOutcome.OutOfRange, 0);
            if (people == rsvp.PartySize) return (PartySizeOutcome.Changed, 0);
            if (rsvp.Status == RsvpStatus.Confirmed && people > rsvp.PartySize && await PlacesLeftAsync(e, c) is var left && left < people - rsvp.PartySize)
                return (PartySizeOutcome.TooFewPlaces, left);
            var waited = rsvp.Status == RsvpStatus.Waitlisted;
            rsvp.PartySize = people;
            // Places freed (or a waiting party now small enough) go to whoever waits and fits, this answer among them.
            await PromoteAsync(e, now, c);
            // The attendee hears what their answer holds now; one given a place by it has just been told so.
            if (rsvp.Email is not null && !(waited && rsvp.Status == RsvpStatus.Confirmed))
                outbox.Queue(OutboxKinds.RsvpDetails, rsvp.Email, await emails.ChangedAsync(e, rsvp, c), rsvpId: rsvp.Id);
            return (PartySizeOutcome.Changed, 0);
        }, ct);
        if (outcome == PartySizeOutcome.Changed)
        {
            outbox.Wake();
            await cache.EvictPublicAsync(ct);
        }
        return (outcome, free);
    }

    /// <summary>
    /// Gives free places to the waitlist in the order people confirmed: each whose whole party fits gets a place and an
    /// email; one whose party does not fit keeps their turn for later. Inside a write that holds the event's lock.
    /// </summary>
    public async Task PromoteAsync(Event e, DateTime now, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var left = await PlacesLeftAsync(e, ct);
        if (left <= 0) return;
        var waiting = await db.Rsvps.Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Waitlisted)
            .OrderBy(r => r.ConfirmedAt).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var rsvp in waiting)
        {
            if (rsvp.PartySize > left) continue;
            rsvp.Status = RsvpStatus.Confirmed;
            rsvp.PlaceGivenAt = now;
            left -= rsvp.PartySize;
            if (rsvp.Email is not null) outbox.Queue(OutboxKinds.RsvpDetails, rsvp.Email, await emails.DetailsAsync(e, rsvp, promoted: true, ct), rsvpId: rsvp.Id);
            if (left == 0) break;
        }
    }

    private async Task<int> PlacesLeftAsync(Event e, CancellationToken ct) =>
        e.Capacity - (await db.Rsvps.Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Confirmed).SumAsync(r => (int?)r.PartySize, ct) ?? 0);

    private async Task<RsvpLink> LinkAsync(Rsvp rsvp, LinkState state, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == rsvp.EventId, ct);
        var (title, language) = await emails.TitleWithLanguageAsync(e.Id, rsvp.Language, ct);
        return new RsvpLink(state, rsvp.Status, e.Slug, title, rsvp.PartySize, language, e.MaxPartySize, IsOpen(e, clock.GetUtcNow().UtcDateTime));
    }
}
