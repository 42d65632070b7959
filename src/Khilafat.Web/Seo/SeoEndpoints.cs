using System.Globalization;
using System.Xml.Linq;
using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Relief;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Seo;

/// <summary>/sitemap.xml (every published page and update in each of its languages, with its alternates) and /robots.txt.</summary>
public static class SeoEndpoints
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSeoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/robots.txt", Startup.SitePipeline.GetAndHead, (SiteUrls urls) => EntityTags.Text(
            $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /account\nDisallow: /setup\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8"))
            .CacheOutput(OutputCachePolicies.Public);

        endpoints.MapMethods("/sitemap.xml", Startup.SitePipeline.GetAndHead, async (ContentService content, UpdateReader updates, ReliefDirectory relief, Events.EventReader events, Petitions.PetitionReader petitions, SiteUrls urls, CancellationToken ct) =>
        {
            var pages = await content.GetSitemapAsync(ct);
            var entries = pages.Concat(await updates.SitemapAsync(ct))
                .Concat(await relief.SitemapAsync(pages.Min(e => (DateTime?)e.UpdatedAt) ?? DateTime.UnixEpoch, ct))
                .Concat(await events.SitemapAsync(ct))
                .Concat(await petitions.SitemapAsync(ct))
                .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(Sitemap + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml),
                    from entry in entries
                    let cultures = entry.Cultures ?? SiteCultures.All
                    from culture in cultures
                    select new XElement(Sitemap + "url",
                        new XElement(Sitemap + "loc", urls.Absolute(SiteCultures.PathFor(culture, entry.Path))),
                        new XElement(Sitemap + "lastmod", entry.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        cultures.Select(alternate => new XElement(Xhtml + "link",
                            new XAttribute("rel", "alternate"), new XAttribute("hreflang", alternate),
                            new XAttribute("href", urls.Absolute(SiteCultures.PathFor(alternate, entry.Path))))))));
            return EntityTags.Text(document.Declaration + "\n" + document, "application/xml; charset=utf-8");
        }).CacheOutput(OutputCachePolicies.Public);

        return endpoints;
    }
}
