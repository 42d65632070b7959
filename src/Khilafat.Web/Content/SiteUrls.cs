using Khilafat.Web.Options;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Content;

/// <summary>Absolute URLs for canonical links, the sitemap and emails.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IHttpContextAccessor accessor)
{
    /// <summary>The site's origin: Site:PublicUrl when set, else the current request's scheme and host.</summary>
    public string Origin
    {
        get
        {
            if (options.Value.PublicUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
            var request = accessor.HttpContext?.Request
                ?? throw new InvalidOperationException("Set Site:PublicUrl: there is no request to take the site's address from.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    /// <summary>A page's path on the site: "/" for the home page's text, else "/{slug}".</summary>
    public static string PagePath(string slug) => slug == ContentService.HomeSlug ? "/" : "/" + slug;

    /// <summary>Where readers see how a page changed: "/statement/changes".</summary>
    public static string ChangesPath(string slug) => $"/{slug}/changes";

    /// <summary>A page as its public version <paramref name="number"/> was published: "/statement/versions/3".</summary>
    public static string VersionPath(string slug, int number) => $"/{slug}/versions/{number}";

    /// <summary>"/statement" becomes "https://example.org/statement".</summary>
    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);
}
