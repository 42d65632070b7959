using System.Globalization;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Events;

/// <summary>
/// An event as readers get it, in their language where translated (else English, <see cref="IsFallback"/>): local
/// times in its own zone, places left (never who is coming), and its state.
/// </summary>
public sealed record PublishedEvent(int Id, string Slug, string Title, string Summary, string BodyHtml, DateTime StartsAt, DateTime EndsAt,
    string TimeZone, string Place, EventState State, string? StateReason, int Capacity, int PlacesLeft, int MaxPartySize, int Sequence,
    DateTime UpdatedAt, string Language = SiteCultures.Default, bool IsFallback = false)
{
    /// <summary>The lead image, read with the body (for the event's own page only).</summary>
    public MediaPicture? LeadImage { get; init; }

    /// <summary>Whether it can be joined online. The link itself is not here: it goes only to confirmed attendees.</summary>
    public bool IsOnline { get; init; }

    /// <summary>The languages its text is published in (see <see cref="Content.ContentService.PublishedLanguagesAsync"/>); set for one read by its address.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [SiteCultures.Default];

    public string Path => EventReader.EventPath(Slug);
    public string CalendarPath => EventReader.CalendarPath(Slug);
    /// <summary>Postponed with its new date not known: <see cref="StartsAt"/> and <see cref="EndsAt"/> are the times it had.</summary>
    public bool DateToBeAnnounced => State == EventState.DateToBeAnnounced;

    public DateTime LocalStart => ToLocal(StartsAt);
    public DateTime LocalEnd => ToLocal(EndsAt);

    /// <summary>A plain search link to OpenStreetMap for the place: a link only, nothing loaded from it.</summary>
    public string? MapUrl => Place.Length == 0 ? null : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(Place);

    public DateTime ToLocal(DateTime utc) => SiteTimeZone.ToLocal(utc, SiteTimeZone.Find(TimeZone) ?? TimeZoneInfo.Utc);

    /// <summary>"UTC+05:00": the zone's offset at the start, shown beside its name.</summary>
    public string Offset => SiteTimeZone.OffsetLabel(SiteTimeZone.Find(TimeZone) ?? TimeZoneInfo.Utc, StartsAt);
}

/// <summary>The events page: upcoming first (soonest first), then past ones (latest first).</summary>
public sealed record EventList(IReadOnlyList<PublishedEvent> Upcoming, IReadOnlyList<PublishedEvent> Past);

/// <summary>Reads the events readers see: published (their English text is), each in the reader's language by the rule every text follows.</summary>
public sealed class EventReader(SiteDbContext db, MarkdownRenderer markdown, MediaPictures pictures, TimeProvider clock)
{
    public const string ListPath = "/events";
    public const string FeedPath = "/events/feed.ics";
    public const int PastShown = 30;

    public static string EventPath(string slug) => $"{ListPath}/{slug}";
    public static string CalendarPath(string slug) => $"{ListPath}/{slug}/calendar.ics";
    public static string RsvpPath(string slug) => $"{ListPath}/{slug}/rsvp";

    /// <summary>
    /// An attendee's own calendar of the event, by a signed token of their answer (<see cref="EventCalendar"/>). Not
    /// ".../rsvp/calendar.ics": that is the public calendar's address of an event whose address is "rsvp".
    /// </summary>
    public const string AttendeeCalendarRoute = ListPath + "/rsvp/my-calendar.ics";

    public static string AttendeeCalendarPath(string token) => AttendeeCalendarRoute + "?token=" + token;

    private IQueryable<Event> Visible =>
        db.Events.AsNoTracking().Where(e => e.FirstPublishedAt != null
            && db.Texts.Any(t => t.Kind == TextKinds.Event && t.ItemId == e.Id && t.Culture == SiteCultures.Default && t.IsPublished));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<EventList> ListAsync(string culture, CancellationToken ct = default)
    {
        var now = Now;
        var upcoming = await InLanguageAsync(Soonest(Visible.Where(e => e.EndsAt >= now || e.State == EventState.DateToBeAnnounced)), culture, false, ct);
        var past = await InLanguageAsync(Visible.Where(e => e.EndsAt < now && e.State != EventState.DateToBeAnnounced)
            .OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id).Take(PastShown), culture, false, ct);
        return new EventList(upcoming, past);
    }

    /// <summary>The next <paramref name="take"/> events that have not ended (cancelled ones left out), soonest first: for /act.</summary>
    public Task<IReadOnlyList<PublishedEvent>> UpcomingAsync(string culture, int take, CancellationToken ct = default)
    {
        var now = Now;
        return InLanguageAsync(Soonest(Visible.Where(e => (e.EndsAt >= now || e.State == EventState.DateToBeAnnounced) && e.State != EventState.Cancelled)).Take(take),
            culture, false, ct);
    }

    /// <summary>What the calendar feed carries: events that have not ended, and those that ended in the last 30 days, cancelled ones too (so calendars learn of it).</summary>
    public Task<IReadOnlyList<PublishedEvent>> FeedAsync(string culture, CancellationToken ct = default)
    {
        var since = Now.AddDays(-30);
        return InLanguageAsync(Visible.Where(e => e.EndsAt >= since || e.State == EventState.DateToBeAnnounced).OrderBy(e => e.StartsAt).ThenBy(e => e.Id), culture, false, ct);
    }

    /// <summary>Upcoming events soonest first; those waiting for their new date after every dated one, as nobody knows when they are.</summary>
    private static IQueryable<Event> Soonest(IQueryable<Event> events) =>
        events.OrderBy(e => e.State == EventState.DateToBeAnnounced ? 1 : 0).ThenBy(e => e.StartsAt).ThenBy(e => e.Id);

    public async Task<PublishedEvent?> GetAsync(string slug, string culture, CancellationToken ct = default) =>
        (await InLanguageAsync(Visible.Where(e => e.Slug == slug), culture, true, ct)).SingleOrDefault() is { } e
            ? e with { Languages = await ContentService.PublishedLanguagesAsync(db, TextKinds.Event, e.Id, ct) }
            : null;

    /// <summary>A published event by its id, in <paramref name="culture"/> where translated, without its body: for an attendee's own calendar.</summary>
    public async Task<PublishedEvent?> GetAsync(int id, string culture, CancellationToken ct = default) =>
        (await InLanguageAsync(Visible.Where(e => e.Id == id), culture, false, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<SitemapEntry>> SitemapAsync(CancellationToken ct = default)
    {
        var events = await Visible.Select(e => new { e.Id, e.Slug, e.UpdatedAt }).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var texts = (await db.Texts.AsNoTracking().Where(t => t.Kind == TextKinds.Event && ids.Contains(t.ItemId) && t.IsPublished)
            .Select(t => new { t.ItemId, t.Culture }).ToListAsync(ct)).ToLookup(t => t.ItemId);
        var entries = events.Select(e => new SitemapEntry(EventPath(e.Slug), e.UpdatedAt,
            SiteCultures.All.Where(c => texts[e.Id].Any(t => t.Culture == c)).ToList())).ToList();
        if (entries.Count > 0) entries.Add(new SitemapEntry(ListPath, entries.Max(e => e.UpdatedAt)));
        return entries;
    }

    private async Task<IReadOnlyList<PublishedEvent>> InLanguageAsync(IQueryable<Event> query, string culture, bool withBody, CancellationToken ct)
    {
        var events = await query.Select(e => new
        {
            Event = e,
            Taken = db.Rsvps.Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Confirmed).Sum(r => (int?)r.PartySize) ?? 0,
        }).ToListAsync(ct);
        var ids = events.Select(e => e.Event.Id).ToList();
        var texts = (await db.Texts.AsNoTracking()
                .Where(t => t.Kind == TextKinds.Event && ids.Contains(t.ItemId) && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default))
                .Select(t => new { t.ItemId, t.Culture, Title = t.PublishedTitle!, Summary = t.PublishedSummary!, Body = withBody ? t.PublishedBody! : "" })
                .ToListAsync(ct))
            .ToLookup(t => t.ItemId);
        var result = new List<PublishedEvent>(events.Count);
        foreach (var (e, taken) in events.Select(x => (x.Event, x.Taken)))
        {
            if (ContentService.ForReader(texts[e.Id], t => t.Culture, culture) is not (var text, var language, var isFallback)) continue;
            var body = withBody ? markdown.ToHtml(text.Body, await pictures.ForMarkdownAsync(text.Body, language, ct), culture) : "";
            result.Add(new PublishedEvent(e.Id, e.Slug, text.Title, text.Summary, body, e.StartsAt, e.EndsAt,
                e.TimeZone, e.Place, e.State, e.StateReason, e.Capacity, Math.Max(0, e.Capacity - taken), e.MaxPartySize, e.Sequence,
                e.UpdatedAt, language, isFallback)
            {
                LeadImage = withBody ? await pictures.GetAsync(e.LeadImageId, language, ct) : null,
                IsOnline = e.OnlineUrl != null,
            });
        }
        return result;
    }
}
