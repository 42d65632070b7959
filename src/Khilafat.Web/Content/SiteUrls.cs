using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Content;

/// <summary>
/// Absolute URLs for canonical links, the sitemap and emails. They never come from the request: its Host header is
/// the visitor's to choose, and a link built from it would let anyone make the site email links to their own server.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IServer server)
{
    /// <summary>
    /// The site's origin: Site:PublicUrl. Without it (allowed in Development only: start-up refuses elsewhere), the
    /// address the server listens on, so links from `dotnet run` lead back to it.
    /// </summary>
    public string Origin
    {
        get
        {
            if (options.Value.PublicUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (listening is null) return "http://localhost";
            return listening.TrimEnd('/').Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")
                .Replace("://+", "://localhost").Replace("://*", "://localhost");
        }
    }

    /// <summary>A path on this site ("/media/...", "/statement"), never "//host" or "/\host", which browsers read as another server.</summary>
    public static bool IsOnThisSite(string? url) => url is { Length: > 1 } && url[0] == '/' && url[1] is not '/' and not '\\';

    /// <summary>
    /// A link an editor wrote to a page of the site ("/statement#calls"), for a reader of <paramref name="culture"/>:
    /// "/ar/statement#calls", as the site's own links are. A translator keeps the English text's links as they are, and
    /// without this a reader of the Arabic page would be taken to the English one. A link already in a language, and one
    /// to what has no language (the admin area, images, files at the root), stays as written. The fragment stays too:
    /// an FAQ entry's anchor is the same in every language (a heading's id is not: it is made from its words).
    /// </summary>
    public static string InLanguage(string url, string culture)
    {
        if (culture == SiteCultures.Default || !SiteCultures.IsSupported(culture) || (url != "/" && !IsOnThisSite(url))) return url;
        var end = url.IndexOfAny(['?', '#']);
        var path = end < 0 ? url : url[..end];
        if (SiteCultures.Split(path).Culture != SiteCultures.Default) return url;
        var first = path.Length > 1 ? path[1..].Split('/')[0] : "";
        if (WithoutLanguage.Contains(first, StringComparer.OrdinalIgnoreCase)) return url;
        return SiteCultures.PathFor(culture, path) + (end < 0 ? "" : url[end..]);
    }

    private static readonly string[] WithoutLanguage = ["admin", "account", "setup", "media", "share", "css", "js", "fonts", "healthz", "robots.txt", "sitemap.xml", "favicon.svg"];

    /// <summary>A page's path on the site: "/" for the home page's text, else "/{slug}".</summary>
    public static string PagePath(string slug) => slug == ContentService.HomeSlug ? "/" : "/" + slug;

    /// <summary>Where readers see how a page changed: "/statement/changes".</summary>
    public static string ChangesPath(string slug) => $"/{slug}/changes";

    /// <summary>A page as its public version <paramref name="number"/> was published: "/statement/versions/3".</summary>
    public static string VersionPath(string slug, int number) => $"/{slug}/versions/{number}";

    /// <summary>An FAQ entry as its public version <paramref name="number"/> was published: "/faq/how-can-i-help/versions/2".</summary>
    public static string FaqVersionPath(string anchor, int number) => $"/faq/{anchor}/versions/{number}";

    /// <summary>Where readers see how the FAQ changed.</summary>
    public const string FaqChangesPath = "/faq/changes";

    /// <summary>The mailing list's confirmation link, in the subscriber's language: "/ar/join/confirm?token=...".</summary>
    public static string ConfirmSubscriptionPath(string culture, string token) => SiteCultures.PathFor(culture, "/join/confirm?token=" + token);

    /// <summary>The unsubscribe page an email links to, in the subscriber's language.</summary>
    public static string UnsubscribePath(string culture, string token) => SiteCultures.PathFor(culture, "/unsubscribe?token=" + token);

    /// <summary>The RFC 8058 one-click unsubscribe address (List-Unsubscribe), the same for every language.</summary>
    public static string OneClickUnsubscribePath(string token) => MailingList.OneClickUnsubscribe.Path + "?token=" + token;

    /// <summary>The public testimonials page, in a language.</summary>
    public static string TestimonialsPath(string culture) => SiteCultures.PathFor(culture, "/testimonials");

    /// <summary>The link that lets a submitter withdraw their testimonial, in their language.</summary>
    public static string WithdrawTestimonialPath(string culture, string token) => SiteCultures.PathFor(culture, "/testimonials/withdraw?token=" + token);

    /// <summary>A petition signature's confirmation link, in the signer's language: "/ur/petitions/confirm?token=...".</summary>
    public static string ConfirmSignaturePath(string culture, string token) => SiteCultures.PathFor(culture, "/petitions/confirm?token=" + token);

    /// <summary>Where an editor sets a password with a one-time code (<paramref name="code"/> already URL-safe).</summary>
    public static string ResetPasswordPath(string userId, string code) => $"/account/reset-password?user={Uri.EscapeDataString(userId)}&code={code}";

    /// <summary>"/statement" becomes "https://example.org/statement".</summary>
    public string Absolute(string path) => Origin + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>
    /// Outside Development the site needs Site:PublicUrl, an absolute http(s) address; a missing or malformed one stops
    /// start-up with one line naming the key.
    /// </summary>
    public static void RequirePublicUrl(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.PublicUrl)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (environment.IsDevelopment()) return;
            throw new Startup.StartupException(
                "Site:PublicUrl (Site__PublicUrl) must be set to the site's public address, e.g. https://khilafat.example.org: links in emails are built from it, never from the request.");
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new Startup.StartupException($"Site:PublicUrl (Site__PublicUrl) must be an http or https address like https://khilafat.example.org, not \"{value}\".");
    }
}
