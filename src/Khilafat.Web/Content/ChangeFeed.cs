using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Content;

/// <summary>
/// An Atom feed (RFC 4287) of the major changes to the official texts, per language: /changes/feed.atom,
/// /ar/changes/feed.atom, /ur/changes/feed.atom. Each entry is a public version, so its id and link never change.
/// </summary>
public static class ChangeFeed
{
    public const string Path = "/changes/feed.atom";

    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path, Startup.SitePipeline.GetAndHead, (HttpContext http, ChangeLog changes, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            WriteAsync(http, SiteCultures.Default, changes, urls, site.Value, t, ct)).CacheOutput(Caching.OutputCachePolicies.Public);
        endpoints.MapMethods("/" + LanguageRoutes.Segment + Path, Startup.SitePipeline.GetAndHead, (string culture, HttpContext http, ChangeLog changes, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            WriteAsync(http, culture, changes, urls, site.Value, t, ct)).CacheOutput(Caching.OutputCachePolicies.Public);
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, string culture, ChangeLog changes, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var changed = await changes.MajorChangesAsync(culture, ct: ct);
        var head = new AtomFeedHead(culture, $"{t[site.Name]}: {t["Major changes to the official texts"]}",
            urls.Absolute(SiteCultures.PathFor(culture, Path)), urls.Absolute(SiteCultures.PathFor(culture, "/")), t[site.Name]);
        var entries = changed.Select(entry =>
        {
            // An English version's address has no language prefix: /ar/{slug}/versions/3 would be the Arabic text's version 3.
            var link = urls.Absolute(SiteCultures.PathFor(entry.Language, entry.VersionPath));
            return new AtomEntry(link, $"{entry.Title}: {entry.Version.Note}", entry.Version.PublishedAt, link, entry.Version.Note ?? "", entry.Language);
        }).ToList();
        await AtomFeed.WriteAsync(http, head, entries, ct);
    }
}
