using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Content;

/// <summary>
/// Pages described for search engines (schema.org, as JSON-LD in the page's head): an event, so that a vigil shows as
/// an event where people search for one, and an update, as the news article it is. Only what the page itself shows:
/// never an event's online join link, which is for confirmed attendees, and never who is coming. The "@context" is a
/// name, not an address anything fetches.
/// </summary>
public static class StructuredData
{
    // Arabic and Urdu stay readable in the page's source; what could close the script element (<, >, &, quotes) is
    // still escaped, which is what makes it safe to write into the page unencoded.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <param name="e">The event as its page shows it, in the reader's language.</param>
    /// <param name="pageUrl">The page's absolute address in the reader's language.</param>
    /// <param name="imageUrl">The lead image's absolute address, if it has one.</param>
    /// <param name="organizer">The movement's name in the reader's language, and its home page's address.</param>
    public static string Event(PublishedEvent e, string pageUrl, string? imageUrl, (string Name, string Url) organizer)
    {
        var locations = new JsonArray();
        if (e.Place.Length > 0) locations.Add(new JsonObject { ["@type"] = "Place", ["name"] = e.Place, ["address"] = e.Place });
        // Online: the page is where to learn how to join; the join link itself goes only to confirmed attendees.
        if (e.IsOnline) locations.Add(new JsonObject { ["@type"] = "VirtualLocation", ["url"] = pageUrl });
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = e.Title,
            ["startDate"] = WithOffset(e, e.StartsAt),
            ["endDate"] = WithOffset(e, e.EndsAt),
            // Postponed with its new date is what schema.org calls rescheduled; without it, postponed, keeping the
            // dates it had (as search engines ask).
            ["eventStatus"] = "https://schema.org/" + e.State switch
            {
                EventState.Cancelled => "EventCancelled",
                EventState.Postponed => "EventRescheduled",
                EventState.DateToBeAnnounced => "EventPostponed",
                _ => "EventScheduled",
            },
            ["eventAttendanceMode"] = "https://schema.org/" + (e.IsOnline ? e.Place.Length > 0 ? "MixedEventAttendanceMode" : "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"),
            ["location"] = locations.Count == 1 ? locations[0]!.DeepClone() : locations,
            ["isAccessibleForFree"] = true,
            ["organizer"] = Organization(organizer),
            ["inLanguage"] = e.Language,
            ["url"] = pageUrl,
        };
        if (e.Summary.Length > 0) data["description"] = e.Summary;
        if (imageUrl is not null) data["image"] = imageUrl;
        return data.ToJsonString(Options);
    }

    /// <param name="update">The update as its page shows it, in the reader's language (or its English, when not translated).</param>
    /// <param name="pageUrl">The page's absolute address in the reader's language.</param>
    /// <param name="imageUrl">The lead image's absolute address, if it has one.</param>
    /// <param name="publisher">The movement's name in the reader's language, and its home page's address.</param>
    public static string NewsArticle(PublishedUpdate update, string pageUrl, string? imageUrl, (string Name, string Url) publisher)
    {
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = update.Title,
            // The first publication (the date the page shows), and the last published change of its words.
            ["datePublished"] = SiteTimeZone.IsoUtc(update.Date),
            ["dateModified"] = SiteTimeZone.IsoUtc(update.UpdatedAt > update.Date ? update.UpdatedAt : update.Date),
            // The movement writes its updates: no person is named.
            ["author"] = Organization(publisher),
            ["publisher"] = Organization(publisher),
            ["inLanguage"] = update.Language,
            ["mainEntityOfPage"] = pageUrl,
            ["url"] = pageUrl,
        };
        if (update.Summary.Length > 0) data["description"] = update.Summary;
        if (imageUrl is not null) data["image"] = imageUrl;
        return data.ToJsonString(Options);
    }

    private static JsonObject Organization((string Name, string Url) organization) =>
        new() { ["@type"] = "Organization", ["name"] = organization.Name, ["url"] = organization.Url };

    /// <summary>The time as it is where the event happens, with that place's offset ("2026-12-09T18:00:00+05:00").</summary>
    private static string WithOffset(PublishedEvent e, DateTime utc)
    {
        var zone = SiteTimeZone.Find(e.TimeZone) ?? TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(zone.GetUtcOffset(utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
