using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Khilafat.Web.Media;
using Markdig.Syntax.Inlines;
using Markdig.Renderers;
using Khilafat.Web.Localization;

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
    /// is not there (deleted since) shows nothing. Links to the site's pages lead to them in <paramref name="culture"/>.
    /// </summary>
    public string ToHtml(string markdown, IReadOnlyDictionary<int, MediaPicture>? pictures, string culture = SiteCultures.Default) => Render(markdown, pictures, culture: culture).Html;

    /// <summary>
    /// Renders Markdown for an email, which has no site around it: links on this site ("/ar/statement") lead to
    /// <paramref name="siteRoot"/> ("https://khilafat.example.org"), not nowhere. An email loads no image: a mail
    /// program fetching one would tell the server, and anyone watching the reader's network, who opened it and when (for
    /// a supporter at risk, a connection to the movement's site). Each image is a link to it instead, its alt text the
    /// link's words: the library's images (<c>media:12</c>, from <paramref name="pictures"/>) to their largest file.
    /// </summary>
    public string ToEmailHtml(string markdown, string siteRoot, IReadOnlyDictionary<int, MediaPicture>? pictures = null, string culture = SiteCultures.Default) =>
        EmailDocument(markdown, siteRoot, pictures, culture).ToHtml(Pipeline);

    private static MarkdownDocument EmailDocument(string markdown, string siteRoot, IReadOnlyDictionary<int, MediaPicture>? pictures, string culture)
    {
        var document = Parse(markdown, pictures, culture, noImages: true);
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.Url == "/" || SiteUrls.IsOnThisSite(l.Url))) link.Url = siteRoot.TrimEnd('/') + link.Url;
        return document;
    }

    /// <summary>
    /// An email's plain text: what <see cref="ToEmailHtml"/> shows, without Markdown's marks. Emphasis is its words, a
    /// heading its line, a list item "- " or "1. ", a quotation "> ", a table its rows with " | " between cells, and a
    /// link its words with its address after them in brackets (an address alone when that is all it shows), on this
    /// site made absolute. A mail program that shows only the text shows what a reader can read, in any language:
    /// "[text](url)" reads poorly anywhere, and worse in Arabic and Urdu, where its brackets face the other way.
    /// </summary>
    public string ToEmailText(string markdown, string siteRoot, IReadOnlyDictionary<int, MediaPicture>? pictures = null, string culture = SiteCultures.Default) =>
        PlainTextWriter.Write(EmailDocument(markdown, siteRoot, pictures, culture));


    /// <summary>
    /// Renders Markdown as <see cref="ToHtml(string, IReadOnlyDictionary{int, MediaPicture}?, string)"/> does, and lists its
    /// second-level headings (id and text) for a table of contents. With <paramref name="periods"/>, the text after the
    /// first h2 becomes an ordered list, one item per h2 and what follows it: a timeline the editor's headings make.
    /// </summary>
    public RenderedText Render(string markdown, IReadOnlyDictionary<int, MediaPicture>? pictures, bool periods = false, string culture = SiteCultures.Default)
    {
        var document = Parse(markdown, pictures, culture);
        var headings = document.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2 && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new TextHeading(h.GetAttributes().Id!, PlainText(h)))
            .ToList();
        if (!periods || headings.Count == 0) return new RenderedText(document.ToHtml(Pipeline), headings);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        var open = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 })
            {
                writer.Write(open ? "</li>\n<li class=\"period\">\n" : "<ol class=\"timeline\">\n<li class=\"period\">\n");
                open = true;
            }
            renderer.Render(block);
        }
        writer.Write("</li>\n</ol>\n");
        return new RenderedText(writer.ToString(), headings);
    }

    private static string PlainText(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        })).Trim();

    // noImages: every image a link, this site's own too (for an email: see ToEmailHtml); the library's to its largest
    // file, with the picture's own alt text where none was written.
    private static MarkdownDocument Parse(string markdown, IReadOnlyDictionary<int, MediaPicture>? pictures, string culture, bool noImages = false)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && IsMediaUrl(l.Url)).ToList())
        {
            var picture = int.TryParse(image.Url.AsSpan(MediaPictures.Scheme.Length).Trim(), out var id) ? pictures?.GetValueOrDefault(id) : null;
            if (noImages && picture is not null)
            {
                image.Url = picture.Largest.Path;
                if (image.FirstChild is null) image.AppendChild(new LiteralInline(picture.Alt));
                continue;
            }
            // The markup is the site's own, every value encoded (MediaPicture.ToHtml); Markdown's raw HTML stays disabled.
            Inline replacement = picture is not null ? new HtmlInline(picture.ToHtml()) : new LiteralInline("");
            // Not its children: they are the alt text, which the picture carries (or, for an image gone, nobody should see).
            image.ReplaceBy(replacement, copyChildren: false);
        }
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && (noImages || !SiteUrls.IsOnThisSite(l.Url))).ToList())
        {
            // An image from another server would be fetched by every reader's browser and every subscriber's mail
            // program, telling that server who read it and when (a tracking pixel, even unmeant). It becomes a plain
            // link, its alt text the link's text: nothing loads unless someone follows it. Inside a link already, it
            // becomes its alt text alone (a link in a link is not HTML).
            var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            if (InsideALink(image))
            {
                image.ReplaceBy(new LiteralInline(alt), copyChildren: false);
                continue;
            }
            image.IsImage = false;
            if (image.FirstChild is null) image.AppendChild(new LiteralInline(image.Url ?? ""));
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
            else if (!link.IsImage && link.Url is { } url) link.Url = SiteUrls.InLanguage(url, culture);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url)) autolink.Url = "#";
        }
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (!IsSafeUrl(definition.Url)) definition.Url = "#";
        }
        return document;
    }

    private static bool InsideALink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline) return true;
        return false;
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

/// <summary>A second-level heading of a rendered text: its id (the anchor of a table of contents' link) and its words.</summary>
public sealed record TextHeading(string Id, string Text);

/// <summary>A text rendered to safe HTML, with its second-level headings in order.</summary>
public sealed record RenderedText(string Html, IReadOnlyList<TextHeading> Headings);
