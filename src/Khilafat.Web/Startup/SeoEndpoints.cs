using System.Globalization;
using System.Xml.Linq;
using Khilafat.Web.Content;

namespace Khilafat.Web.Startup;

/// <summary>/sitemap.xml and /robots.txt.</summary>
public static class SeoEndpoints
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSeoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (SiteUrls urls) => Results.Text(
            $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /setup\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8"))
            .CacheOutput(OutputCachePolicies.Public);

        endpoints.MapGet("/sitemap.xml", async (ContentService content, SiteUrls urls, CancellationToken ct) =>
        {
            var entries = await content.GetSitemapAsync(ct);
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(Sitemap + "urlset", entries.Select(entry => new XElement(Sitemap + "url",
                    new XElement(Sitemap + "loc", urls.Absolute(entry.Path)),
                    new XElement(Sitemap + "lastmod", entry.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))));
            return Results.Text(document.Declaration + "\n" + document, "application/xml; charset=utf-8");
        }).CacheOutput(OutputCachePolicies.Public);

        return endpoints;
    }
}
