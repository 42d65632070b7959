using System.Text;
using System.Text.RegularExpressions;

namespace Khilafat.Web.Content;

/// <summary>What a page slug may be, and how an FAQ anchor is made from a question.</summary>
public static partial class Slugs
{
    /// <summary>Paths the site uses itself; a page with one of these slugs would be unreachable or would hide a feature.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "setup", "join", "faq", "testimonials", "healthz", "sitemap.xml", "robots.txt", "sitemap", "robots",
        "unsubscribe", "error", "account", "identity", "login", "logout", "signin", "signout", "api", "css", "js",
        "img", "images", "lib", "static", "assets", "favicon.ico", "home", "index", "ar", "ur", "en", "search", "feed", "changes", "updates",
        "relief", "act", "petitions", "events", "media",
    };

    // \z, not $: "$" also matches before a final line break, and "our-work\n" would pass as a slug no address can reach.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();

    /// <summary>Lowercase letters, digits and single hyphens between them, at most <see cref="Page.SlugMaxLength"/> characters.</summary>
    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= Page.SlugMaxLength && SlugPattern().IsMatch(slug);

    /// <summary>"How can I join?" becomes "how-can-i-join". Letters outside a-z are dropped, so the result may be empty.</summary>
    public static string FromText(string text, int maxLength = FaqEntry.AnchorMaxLength)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(c);
                pendingHyphen = false;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString();
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }
}
