using System.Globalization;
using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Updates;

/// <summary>
/// The updates as an Atom feed (RFC 4287) per language: /updates/feed.atom, /ar/updates/feed.atom, /ur/updates/feed.atom.
/// An entry's id is a tag: URI made of the update's id, the day it was first published and its text's language, so it
/// stays the same when the update's address or words change; a translation published later is a new entry.
/// </summary>
public static class UpdateFeed
{
    /// <summary>How many of the latest updates the feed carries.</summary>
    public const int Size = 20;

    public static IEndpointRouteBuilder MapUpdateFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(UpdateReader.FeedPath, Startup.SitePipeline.GetAndHead, (HttpContext http, UpdateReader updates, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            WriteAsync(http, SiteCultures.Default, updates, urls, site.Value, t, ct)).CacheOutput(OutputCachePolicies.Public);
        endpoints.MapMethods("/" + LanguageRoutes.Segment + UpdateReader.FeedPath, Startup.SitePipeline.GetAndHead, (string culture, HttpContext http, UpdateReader updates, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            WriteAsync(http, culture, updates, urls, site.Value, t, ct)).CacheOutput(OutputCachePolicies.Public)
            // Before /{culture}/updates/{slug}, which the language routes try first (order -1): "feed.atom" is not an update.
            .WithOrder(-2);
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, string culture, UpdateReader updates, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var latest = await updates.LatestAsync(culture, Size, withBody: true, ct);
        var head = new AtomFeedHead(culture, $"{t[site.Name]}: {t["Updates"]}",
            urls.Absolute(SiteCultures.PathFor(culture, UpdateReader.FeedPath)), urls.Absolute(SiteCultures.PathFor(culture, UpdateReader.ListPath)), t[site.Name]);
        // A tag: URI names a host, never a port.
        var authority = new Uri(urls.Origin).Host;
        var entries = latest.Select(update => new AtomEntry(
            EntryId(authority, update, culture), update.Title, update.UpdatedAt, urls.Absolute(SiteCultures.PathFor(culture, update.Path)),
            update.Summary, update.Language, update.Date, update.BodyHtml)).ToList();
        await AtomFeed.WriteAsync(http, head, entries, ct);
    }

    /// <summary>
    /// "tag:khilafat.example.org,2026-12-03:updates/12/ar" (RFC 4151): the update in this language's feed, whichever
    /// language its words are in, so that translating it later changes the entry rather than adding a new one.
    /// </summary>
    public static string EntryId(string authority, PublishedUpdate update, string feedCulture) =>
        string.Create(CultureInfo.InvariantCulture, $"tag:{authority},{update.Date:yyyy-MM-dd}:updates/{update.Id}/{feedCulture}");
}
