using System.Text;
using System.Xml;
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
        endpoints.MapGet(Path, (HttpContext http, ChangeLog changes, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            WriteAsync(http, SiteCultures.Default, changes, urls, site.Value, t, ct)).CacheOutput(Caching.OutputCachePolicies.Public);
        endpoints.MapGet("/" + LanguageRoutes.Segment + Path, (string culture, HttpContext http, ChangeLog changes, SiteUrls urls, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            WriteAsync(http, culture, changes, urls, site.Value, t, ct)).CacheOutput(Caching.OutputCachePolicies.Public);
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, string culture, ChangeLog changes, SiteUrls urls, SiteOptions site, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var entries = await changes.MajorChangesAsync(culture, ct: ct);
        var self = urls.Absolute(SiteCultures.PathFor(culture, Path));
        var output = new MemoryStream();
        await using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "feed", atom);
            await xml.WriteAttributeStringAsync("xml", "lang", null, culture);
            await xml.WriteElementStringAsync(null, "id", atom, self);
            await xml.WriteElementStringAsync(null, "title", atom, $"{t[site.Name]}: {t["Major changes to the official texts"]}");
            await xml.WriteElementStringAsync(null, "updated", atom, Time(entries.Count > 0 ? entries.Max(e => e.Version.PublishedAt) : DateTime.UnixEpoch));
            await WriteLinkAsync(xml, atom, "self", self, "application/atom+xml");
            await WriteLinkAsync(xml, atom, "alternate", urls.Absolute(SiteCultures.PathFor(culture, "/")), "text/html");
            await xml.WriteStartElementAsync(null, "author", atom);
            await xml.WriteElementStringAsync(null, "name", atom, t[site.Name]);
            await xml.WriteEndElementAsync();
            foreach (var entry in entries)
            {
                // An English version's address has no language prefix: /ar/{slug}/versions/3 would be the Arabic text's version 3.
                var link = urls.Absolute(SiteCultures.PathFor(entry.Language, entry.VersionPath));
                await xml.WriteStartElementAsync(null, "entry", atom);
                if (entry.Language != culture) await xml.WriteAttributeStringAsync("xml", "lang", null, entry.Language);
                await xml.WriteElementStringAsync(null, "id", atom, link);
                await xml.WriteElementStringAsync(null, "title", atom, $"{entry.Title}: {entry.Version.Note}");
                await xml.WriteElementStringAsync(null, "updated", atom, Time(entry.Version.PublishedAt));
                await WriteLinkAsync(xml, atom, "alternate", link, "text/html");
                await xml.WriteElementStringAsync(null, "summary", atom, entry.Version.Note ?? "");
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        await http.Response.Body.WriteAsync(output.ToArray(), ct);
    }

    private static async Task WriteLinkAsync(XmlWriter xml, string atom, string rel, string href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", atom);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
