using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Khilafat.Web.Media;
using Markdig.Syntax.Inlines;

namespace Khilafat.Web.Content;

/// <summary>
/// Turns editors' Markdown into HTML that is safe to write into a page as it is: raw HTML is escaped, and links
/// or images with a scheme other than http, https or mailto lose their address.
/// </summary>
public sealed class MarkdownRenderer
{
    // No UseAdvancedExtensions: it brings generic attributes ({onclick=...}), which would let Markdown carry script.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>Renders Markdown to HTML that needs no further encoding.</summary>
    public string ToHtml(string markdown) => ToHtml(markdown, null);

    /// <summary>
    /// Renders Markdown to HTML that needs no further encoding, each image of the library it names
    /// (<c>![alt](media:12)</c>) as its responsive &lt;picture&gt; from <paramref name="pictures"/>. An image named that
    /// is not there (deleted since) shows nothing.
    /// </summary>
    public string ToHtml(string markdown, IReadOnlyDictionary<int, MediaPicture>? pictures)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && IsMediaUrl(l.Url)).ToList())
        {
            // The markup is the site's own, every value encoded (MediaPicture.ToHtml); Markdown's raw HTML stays disabled.
            Inline replacement = int.TryParse(image.Url.AsSpan(MediaPictures.Scheme.Length).Trim(), out var id) && pictures?.GetValueOrDefault(id) is { } picture
                ? new HtmlInline(picture.ToHtml())
                : new LiteralInline("");
            image.ReplaceBy(replacement);
        }
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            // Arabic on every language's page: its font and direction, read aloud as Arabic.
            if (paragraph.Inline is { } inline && Bismillah.Is(string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))))
            {
                var attributes = paragraph.GetAttributes();
                attributes.AddClass("bismillah");
                attributes.AddProperty("lang", "ar");
                attributes.AddProperty("dir", "rtl");
            }
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url)) autolink.Url = "#";
        }
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (!IsSafeUrl(definition.Url)) definition.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsMediaUrl(string? url) => url is not null && url.StartsWith(MediaPictures.Scheme, StringComparison.OrdinalIgnoreCase);

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so judge the URL without them.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true; // a relative URL with a colon later on
        var scheme = compact[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
