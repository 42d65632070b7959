using System.Globalization;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Khilafat.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Events;

/// <summary>What every event email says of the event, in the attendee's language: title, local time with its zone, place, links.</summary>
public sealed record EventFacts(string Title, string When, string Place, string PageUrl, string CalendarUrl)
{
    /// <summary>Whether the attendee's own link also changes how many come (the event takes parties of more than one).</summary>
    public bool PeopleCanChange { get; init; }

    /// <summary>In the notice of a change: the time the attendee was told before, when it moved (null when it did not).</summary>
    public string? WasWhen { get; init; }

    /// <summary>In the notice of a change: the place the attendee was told before, when it moved (null when it did not, or there was none).</summary>
    public string? WasPlace { get; init; }

    /// <summary>Postponed with its new date not known: <see cref="When"/> says so, and no calendar link is offered.</summary>
    public bool DateToBeAnnounced { get; init; }

    /// <summary>
    /// Waiting for its new date, in an attendee's email: the day their name and email are erased if none is set by
    /// then (see <see cref="EraseAttendeesHandler"/>), after which they cannot be told it.
    /// </summary>
    public string? ErasedIfUndatedOn { get; init; }
}

/// <summary>
/// The emails of an event's RSVPs, in the attendee's language, through <see cref="EmailTemplates"/>. The online link
/// goes only into the emails of those holding a place, and so does their own calendar link, whose calendar carries it;
/// every email after confirming carries the attendee's cancel link (signed tokens: the reminder can carry the same
/// ones without storing them).
/// </summary>
public sealed class EventEmails(SiteDbContext db, EmailTemplates templates, SiteUrls urls, SiteKeys keys, JobQueue jobs, IOptions<EventOptions> options)
{
    public const string CancelPurpose = "rsvp-cancel";

    /// <summary>The purpose of an attendee's own calendar link (<see cref="EventCalendar"/>): a token of its own, so a calendar link cannot cancel.</summary>
    public const string CalendarPurpose = "rsvp-calendar";

    /// <summary>The event's title in <paramref name="culture"/>: its published translation, else the English (published, else as written).</summary>
    public async Task<string> TitleAsync(int eventId, string culture, CancellationToken ct = default) =>
        (await TitleWithLanguageAsync(eventId, culture, ct)).Title;

    /// <summary>The event's title in <paramref name="culture"/> where translated, else in English, with the language it is in.</summary>
    public async Task<(string Title, string Language)> TitleWithLanguageAsync(int eventId, string culture, CancellationToken ct = default)
    {
        var texts = await db.Texts.AsNoTracking().Where(t => t.Kind == TextKinds.Event && t.ItemId == eventId && (t.Culture == culture || t.Culture == SiteCultures.Default))
            .Select(t => new { t.Culture, t.IsPublished, t.PublishedTitle, t.Title }).ToListAsync(ct);
        if (texts.FirstOrDefault(t => t.Culture == culture && t.IsPublished) is { PublishedTitle: { } translated }) return (translated, culture);
        var english = texts.FirstOrDefault(t => t.Culture == SiteCultures.Default);
        return (english?.PublishedTitle ?? english?.Title ?? "", SiteCultures.Default);
    }

    public async Task<EventFacts> FactsAsync(Event e, string culture, CancellationToken ct = default)
    {
        var title = await TitleAsync(e.Id, culture, ct);
        var undated = e.State == EventState.DateToBeAnnounced;
        return new EventFacts(title, undated ? templates.NewDateToBeAnnounced(culture) : When(e, culture), e.Place,
            urls.Absolute(SiteCultures.PathFor(culture, EventReader.EventPath(e.Slug))), urls.Absolute(SiteCultures.PathFor(culture, EventReader.CalendarPath(e.Slug))))
        { DateToBeAnnounced = undated };
    }

    /// <summary>"Friday 4 December 2026, 18:00–20:00 (Asia/Karachi, UTC+05:00)", in the language's words for days and months.</summary>
    public static string When(Event e, string culture) => When(e.StartsAt, e.EndsAt, e.TimeZone, culture);

    /// <summary>As <see cref="When(Event, string)"/>, for times (in UTC) and a zone an event had before.</summary>
    public static string When(DateTime startsAt, DateTime endsAt, string timeZone, string culture)
    {
        var zone = SiteTimeZone.Find(timeZone) ?? TimeZoneInfo.Utc;
        var (start, end) = (SiteTimeZone.ToLocal(startsAt, zone), SiteTimeZone.ToLocal(endsAt, zone));
        var (format, dayAndTime, comma) = SiteCultures.In(culture, () => (CultureInfo.CurrentCulture, SiteCultures.DayAndTimeFormat, SiteCultures.Comma));
        var offset = zone.GetUtcOffset(startsAt);
        var zoneLabel = $"{timeZone}{comma} UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.ToString("hh\\:mm", CultureInfo.InvariantCulture)}";
        var endText = end.Date == start.Date ? end.ToString("HH:mm", format) : end.ToString(dayAndTime, format);
        return $"{start.ToString(dayAndTime, format)} – {endText} ({zoneLabel})";
    }

    /// <summary>
    /// The facts as <paramref name="rsvp"/>'s email gives them: "Add it to my calendar" leads one holding a place in an
    /// online event to their own calendar, which carries the join link; anyone else to the public one, which does not.
    /// </summary>
    private async Task<EventFacts> FactsAsync(Event e, Rsvp rsvp, CancellationToken ct)
    {
        var facts = await FactsAsync(e, rsvp.Language, ct) with { PeopleCanChange = e.MaxPartySize > 1 };
        if (facts.DateToBeAnnounced) facts = facts with { ErasedIfUndatedOn = Day(await ErasedIfUndatedAtAsync(e, rsvp, ct), e.TimeZone, rsvp.Language) };
        return EventCalendar.CarriesJoinLink(e, rsvp.Status)
            ? facts with { CalendarUrl = urls.Absolute(EventReader.AttendeeCalendarPath(await keys.SignAsync(CalendarPurpose, rsvp.Id))) }
            : facts;
    }

    /// <summary>
    /// When <paramref name="rsvp"/>'s name and email go if the event gets no date: the erasure's next round for those
    /// who answered before it (first set for the postponement), else its own time from when it was given.
    /// </summary>
    private async Task<DateTime> ErasedIfUndatedAtAsync(Event e, Rsvp rsvp, CancellationToken ct)
    {
        // A notice goes to a batch of attendees of one event: its round is read once.
        if (_erasureRound?.EventId != e.Id) _erasureRound = (e.Id, await jobs.DueAtAsync(JobKinds.EraseAttendees, EventEditor.Key(e.Id), ct));
        var own = rsvp.CreatedAt + TimeSpan.FromDays(options.Value.EraseAttendeesOfUndatedAfterDays);
        return _erasureRound.Value.DueAt is { } round && round > own ? round : own;
    }

    private (int EventId, DateTime? DueAt)? _erasureRound;

    /// <summary>"7 March 2027": the day of <paramref name="at"/> (UTC) in the event's zone, in the language's words.</summary>
    private static string Day(DateTime at, string timeZone, string culture) =>
        SiteCultures.In(culture, () => SiteTimeZone.ToLocal(at, SiteTimeZone.Find(timeZone) ?? TimeZoneInfo.Utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture));

    private Task<string> CancelUrlAsync(Rsvp rsvp) => CancelUrlAsync(rsvp.Id, rsvp.Language);

    private async Task<string> CancelUrlAsync(int rsvpId, string language) =>
        urls.Absolute(SiteCultures.PathFor(language, "/events/rsvp/cancel?token=" + await keys.SignAsync(CancelPurpose, rsvpId)));

    public async Task<EmailContent> ConfirmationAsync(Event e, Rsvp rsvp, string token, CancellationToken ct) =>
        templates.RsvpConfirmation(rsvp.Language, rsvp.Name, await FactsAsync(e, rsvp.Language, ct),
            urls.Absolute(SiteCultures.PathFor(rsvp.Language, "/events/rsvp/confirm?token=" + token)));

    public async Task<EmailContent> DetailsAsync(Event e, Rsvp rsvp, bool promoted, CancellationToken ct) =>
        templates.RsvpConfirmed(rsvp.Language, rsvp.Name, await FactsAsync(e, rsvp, ct), rsvp.PartySize, e.OnlineUrl, await CancelUrlAsync(rsvp), promoted);

    public async Task<EmailContent> WaitlistedAsync(Event e, Rsvp rsvp, CancellationToken ct) =>
        templates.RsvpWaitlisted(rsvp.Language, rsvp.Name, await FactsAsync(e, rsvp, ct), rsvp.PartySize, await CancelUrlAsync(rsvp));

    public async Task<EmailContent> ChangedAsync(Event e, Rsvp rsvp, CancellationToken ct) =>
        templates.RsvpChanged(rsvp.Language, rsvp.Name, await FactsAsync(e, rsvp, ct), rsvp.PartySize, e.OnlineUrl, await CancelUrlAsync(rsvp),
            waiting: rsvp.Status == RsvpStatus.Waitlisted);

    public async Task<EmailContent> ReminderAsync(Event e, Rsvp rsvp, CancellationToken ct) =>
        templates.EventReminder(rsvp.Language, rsvp.Name, await FactsAsync(e, rsvp, ct), e.OnlineUrl, await CancelUrlAsync(rsvp));

    /// <summary>The notice of the latest change, before <paramref name="rsvp"/> is marked as told of it: with what moved, as they were told it before.</summary>
    public async Task<EmailContent> NoticeAsync(Event e, Rsvp rsvp, CancellationToken ct)
    {
        // What the latest change was (a move after a postponement is no second postponement); cancelled is final.
        var cancelled = e.State == EventState.Cancelled;
        var facts = await FactsAsync(e, rsvp, ct);
        return templates.EventNotice(rsvp.Language, rsvp.Name, cancelled ? facts : WithWhatItWas(facts, e, rsvp),
            cancelled ? EventState.Cancelled : e.NoticeState ?? e.State, e.NoticeReason, cancelled ? null : await CancelUrlAsync(rsvp));
    }

    /// <summary>
    /// The time and place that moved, as the attendee was told them before (<see cref="Event.NoticePreviousNumber"/>):
    /// nothing for one told something in between, whose earlier words the event does not keep.
    /// </summary>
    private static EventFacts WithWhatItWas(EventFacts facts, Event e, Rsvp rsvp)
    {
        if (rsvp.NoticeNumber != e.NoticePreviousNumber
            || e is not { NoticePreviousStartsAt: { } start, NoticePreviousEndsAt: { } end, NoticePreviousTimeZone: { } zone, NoticePreviousPlace: { } place })
            return facts;
        return facts with
        {
            // Waiting for its new date, the event keeps the times it had: what was planned is what the notice says it was.
            WasWhen = (start, end, zone) != (e.StartsAt, e.EndsAt, e.TimeZone) || facts.DateToBeAnnounced ? When(start, end, zone, rsvp.Language) : null,
            WasPlace = place != e.Place && place.Length > 0 ? place : null,
        };
    }
}
