using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Events;

/// <summary>
/// Events as iCalendar (RFC 5545, written by Ical.Net): one event's .ics at /events/{slug}/calendar.ics, and the feed
/// of upcoming events at /events/feed.ics (and /ar/..., /ur/...) that calendar apps subscribe to. Each event's UID is
/// made of its id, so it is the same across edits; its SEQUENCE is <see cref="Event.Sequence"/>, so a subscribed
/// calendar updates the event instead of adding a second one. Times carry the event's own TZID. The online link is
/// never in a public calendar: it is for confirmed attendees only, whose emails link their own calendar of the event
/// (<see cref="EventReader.AttendeeCalendarRoute"/>, by a signed token of their answer): the same file, the same UID and
/// SEQUENCE, with the link in it while their answer holds a place.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapEventCalendars(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(EventReader.FeedPath, Startup.SitePipeline.GetAndHead, (HttpContext http, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            FeedAsync(SiteCultures.Default, events, urls, site.Value, t, ct)).CacheOutput(OutputCachePolicies.Public);
        endpoints.MapMethods("/" + LanguageRoutes.Segment + EventReader.FeedPath, Startup.SitePipeline.GetAndHead, (string culture, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            FeedAsync(culture, events, urls, site.Value, t, ct)).CacheOutput(OutputCachePolicies.Public)
            // Before /{culture}/events/{slug}, which the language routes try first (order -1).
            .WithOrder(-2);
        endpoints.MapMethods(EventReader.ListPath + "/{slug}/calendar.ics", Startup.SitePipeline.GetAndHead, (string slug, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            OneAsync(SiteCultures.Default, slug, events, urls, site.Value, t, ct)).CacheOutput(OutputCachePolicies.Public);
        endpoints.MapMethods("/" + LanguageRoutes.Segment + EventReader.ListPath + "/{slug}/calendar.ics", Startup.SitePipeline.GetAndHead, (string culture, string slug, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            OneAsync(culture, slug, events, urls, site.Value, t, ct)).CacheOutput(OutputCachePolicies.Public).WithOrder(-2);
        // Not output-cached: each answer's own, and whether it carries the link changes with the answer.
        endpoints.MapMethods(EventReader.AttendeeCalendarRoute, Startup.SitePipeline.GetAndHead, (HttpContext http, string? token, RsvpService rsvps, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            AttendeeAsync(http, token, rsvps, events, urls, site.Value, t, ct));
        return endpoints;
    }

    /// <summary>Whether an attendee's own calendar, and so their emails' calendar link, carries the join link: while their answer holds a place in an online event not cancelled.</summary>
    public static bool CarriesJoinLink(Event e, RsvpStatus status) => status == RsvpStatus.Confirmed && e.State != EventState.Cancelled && e.OnlineUrl is not null;

    private static async Task<IResult> FeedAsync(string culture, EventReader events, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var list = await events.FeedAsync(culture, ct);
        var name = SiteCultures.In(culture, () => $"{t[site.Name]}: {t["Events"]}");
        return EntityTags.Text(Write(list, culture, urls, site, t, name), ContentType);
    }

    private static async Task<IResult> OneAsync(string culture, string slug, EventReader events, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await events.GetAsync(slug, culture, ct) is not { } e) return Results.NotFound();
        var result = EntityTags.Text(Write([e], culture, urls, site, t, null), ContentType);
        return new FileNamed(result, slug + ".ics");
    }

    /// <summary>
    /// An attendee's own calendar of the event, in their language: in the browser, or in a calendar that keeps the
    /// address, of them alone (no cache keeps it, no search engine lists a link forwarded or pasted somewhere public).
    /// A link that is not one, or of an answer erased, is not found.
    /// </summary>
    private static async Task<IResult> AttendeeAsync(HttpContext http, string? token, RsvpService rsvps, EventReader events, SiteUrls urls, SiteOptions site,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store, private";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        if (await rsvps.CheckCalendarAsync(token, ct) is not { } attendee || await events.GetAsync(attendee.EventId, attendee.Language, ct) is not { } e)
            return Results.NotFound();
        var join = attendee.JoinUrl is { } url ? new JoinLink(url, SiteCultures.In(attendee.Language, () => t["Join online: {0}", url].Value)) : null;
        return new FileNamed(Results.Text(Write([e], attendee.Language, urls, site, t, null, join), ContentType), e.Slug + ".ics");
    }

    /// <summary>The online link in an attendee's own calendar, and the line that gives it in their language.</summary>
    public sealed record JoinLink(string Url, string Line);

    /// <summary>
    /// The calendar text of <paramref name="events"/>, each with a VTIMEZONE for its zone; with <paramref name="join"/>
    /// (one attendee's calendar of one event), the online link where calendar programs show it (RFC 5545 has no
    /// property of its own for it): the first line of the DESCRIPTION, which every program shows and makes a link of,
    /// and the LOCATION of an event with no place, where Google Calendar and Outlook show it on the event itself. The
    /// URL stays the event's page, as in the public file.
    /// </summary>
    public static string Write(IReadOnlyList<PublishedEvent> events, string culture, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, string? name, JoinLink? join = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = $"-//{site.Name}//Events//EN", Method = "PUBLISH" };
        if (name is not null) calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in events.Select(e => e.TimeZone).Distinct(StringComparer.Ordinal)) calendar.AddTimeZone(zone);
        var host = new Uri(urls.Origin).Host;
        foreach (var e in events)
        {
            var url = urls.Absolute(SiteCultures.PathFor(culture, e.Path));
            var item = new CalendarEvent
            {
                Uid = Uid(e.Id, host),
                Sequence = e.Sequence,
                // Waiting for its new date, it keeps the time it had (a calendar event needs one), said to be tentative and postponed.
                Summary = e.DateToBeAnnounced ? SiteCultures.In(culture, () => t["Postponed: {0}", e.Title].Value) : e.Title,
                Description = (join is null ? "" : join.Line + "\n\n") + (e.Summary.Length > 0 ? e.Summary + "\n\n" : "")
                    + (e.StateReason is { } reason && e.State != EventState.Scheduled ? reason + "\n\n" : "") + url,
                Location = e.Place.Length > 0 ? e.Place : join?.Url,
                Url = new Uri(url),
                DtStart = new CalDateTime(e.LocalStart, e.TimeZone),
                DtEnd = new CalDateTime(e.LocalEnd, e.TimeZone),
                DtStamp = new CalDateTime(e.UpdatedAt, "UTC"),
                Status = e.State switch { EventState.Cancelled => EventStatus.Cancelled, EventState.DateToBeAnnounced => EventStatus.Tentative, _ => EventStatus.Confirmed },
            };
            calendar.Events.Add(item);
        }
        // iCalendar's numbers are culture-free (RFC 5545), but the serializer formats some with the current culture:
        // Arabic's and Urdu's minus signs carry a direction mark ("BYDAY=\u061C-1SU"), which calendars refuse.
        var formatting = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }
        finally
        {
            CultureInfo.CurrentCulture = formatting;
        }
    }

    /// <summary>"event-12@khilafat.example.org": the same for the event whatever changes, in every language's calendar.</summary>
    public static string Uid(int id, string host) => string.Create(CultureInfo.InvariantCulture, $"event-{id}@{host}");

    /// <summary>Serves a result as a download with a file name, so a browser offers to open it in the calendar.</summary>
    private sealed class FileNamed(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return inner.ExecuteAsync(http);
        }
    }
}
