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
/// never in a public calendar: it is for confirmed attendees only.
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
        endpoints.MapMethods(EventReader.ListPath + "/{slug}/calendar.ics", Startup.SitePipeline.GetAndHead, (string slug, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, CancellationToken ct) =>
            OneAsync(SiteCultures.Default, slug, events, urls, site.Value, ct)).CacheOutput(OutputCachePolicies.Public);
        endpoints.MapMethods("/" + LanguageRoutes.Segment + EventReader.ListPath + "/{slug}/calendar.ics", Startup.SitePipeline.GetAndHead, (string culture, string slug, EventReader events, SiteUrls urls, IOptions<SiteOptions> site, CancellationToken ct) =>
            OneAsync(culture, slug, events, urls, site.Value, ct)).CacheOutput(OutputCachePolicies.Public).WithOrder(-2);
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(string culture, EventReader events, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var list = await events.FeedAsync(culture, ct);
        var name = SiteCultures.In(culture, () => $"{t[site.Name]}: {t["Events"]}");
        return Results.Text(Write(list, culture, urls, site, name), ContentType);
    }

    private static async Task<IResult> OneAsync(string culture, string slug, EventReader events, SiteUrls urls, SiteOptions site, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await events.GetAsync(slug, culture, ct) is not { } e) return Results.NotFound();
        var result = Results.Text(Write([e], culture, urls, site, null), ContentType);
        return new FileNamed(result, slug + ".ics");
    }

    /// <summary>The calendar text of <paramref name="events"/>, each with a VTIMEZONE for its zone.</summary>
    public static string Write(IReadOnlyList<PublishedEvent> events, string culture, SiteUrls urls, SiteOptions site, string? name)
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
                Summary = e.Title,
                Description = (e.Summary.Length > 0 ? e.Summary + "\n\n" : "") + (e.StateReason is { } reason && e.State != EventState.Scheduled ? reason + "\n\n" : "") + url,
                Location = e.Place.Length > 0 ? e.Place : null,
                Url = new Uri(url),
                DtStart = new CalDateTime(e.LocalStart, e.TimeZone),
                DtEnd = new CalDateTime(e.LocalEnd, e.TimeZone),
                DtStamp = new CalDateTime(e.UpdatedAt, "UTC"),
                Status = e.State == EventState.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
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
