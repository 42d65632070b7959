using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Khilafat.Web.Content;

/// <summary>Writes a parsed Markdown document as plain text for an email's text part (<see cref="MarkdownRenderer.ToEmailText"/>).</summary>
internal static class PlainTextWriter
{
    public static string Write(MarkdownDocument document)
    {
        var blocks = new List<string>();
        foreach (var block in document) if (Block(block) is { Length: > 0 } text) blocks.Add(text);
        return string.Join("\n\n", blocks);
    }

    // A block's text, without the blank line that separates it from the next.
    private static string Block(Block block) => block switch
    {
        HeadingBlock heading => Inlines(heading.Inline),
        ParagraphBlock paragraph => Inlines(paragraph.Inline),
        ListBlock list => List(list),
        QuoteBlock quote => Prefixed(Children(quote), "> ", "> "),
        Table table => string.Join("\n", table.OfType<TableRow>().Select(row =>
            string.Join(" | ", row.OfType<TableCell>().Select(cell => Children(cell).Replace("\n", " "))))),
        CodeBlock code => string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())).TrimEnd(),
        ThematicBreakBlock => "* * *",
        LinkReferenceDefinitionGroup => "",
        ContainerBlock container => Children(container),
        LeafBlock leaf => Inlines(leaf.Inline),
        _ => "",
    };

    private static string Children(ContainerBlock container) =>
        string.Join("\n\n", container.Select(Block).Where(t => t.Length > 0));

    private static string List(ListBlock list)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, out var start) ? start : 1;
        var items = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{Numbered(list.BulletType, number++)}{list.OrderedDelimiter} " : "- ";
            // A tight list's items stay on consecutive lines; a loose one's paragraphs keep their blank lines.
            var text = string.Join(list.IsLoose ? "\n\n" : "\n", item.Select(Block).Where(t => t.Length > 0));
            items.Add(Prefixed(text, marker, new string(' ', marker.Length)));
        }
        return string.Join(list.IsLoose ? "\n\n" : "\n", items);
    }

    // The item's number as its list writes it: 3, c, C, iii or III (Markdig's list extras).
    private static string Numbered(char type, int n) => type switch
    {
        'a' or 'A' when n is >= 1 and <= 26 => ((char)(type + n - 1)).ToString(),
        'i' => Roman(n).ToLowerInvariant(),
        'I' => Roman(n),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var roman = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; n >= value; n -= value) roman.Append(numeral);
        return roman.ToString();
    }

    // The first line after its marker, the others lined up under its text (a quotation's blank lines keep their ">").
    private static string Prefixed(string text, string first, string rest)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var prefix = i == 0 ? first : rest;
            lines[i] = lines[i].Length == 0 ? prefix.TrimEnd() : prefix + lines[i];
        }
        return string.Join("\n", lines);
    }

    private static string Inlines(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new StringBuilder();
        Append(text, inline);
        return text.ToString().Trim();
    }

    private static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            // Words struck through are words taken back: without their marks they would read as meant.
            case EmphasisInline { DelimiterChar: '~', DelimiterCount: 2 } struck:
                Marked(text, "~~", struck, "~~");
                break;
            // 10^6^ is "10^6", not "106".
            case EmphasisInline { DelimiterChar: '^', DelimiterCount: 1 } superscript:
                Marked(text, "^", superscript, "");
                break;
            // A bracket or mark that opened nothing ("see note [1 below"): the page shows it as written.
            case DelimiterInline delimiter:
                Marked(text, delimiter.ToLiteral(), delimiter, "");
                break;
            case LinkInline link:
                var words = new StringBuilder();
                foreach (var child in link) Append(words, child);
                var shown = words.ToString().Trim();
                // A link to a place in the same text ("#calls") leads nowhere from an email: its words alone.
                var url = link.Url is null || link.Url.StartsWith('#') ? null : link.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? link.Url["mailto:".Length..] : link.Url;
                text.Append(url is null ? shown : Same(shown, url) ? url : $"{shown} ({url})");
                break;
            case ContainerInline container:
                foreach (var child in container) Append(text, child);
                break;
        }
    }

    private static void Marked(StringBuilder text, string before, ContainerInline inline, string after)
    {
        text.Append(before);
        foreach (var child in inline) Append(text, child);
        text.Append(after);
    }

    // A link whose words are its address ("example.org" for "https://example.org/") shows the address once, whole.
    private static bool Same(string shown, string url) =>
        shown.Length == 0 || Bare(shown).Equals(Bare(url), StringComparison.OrdinalIgnoreCase);

    private static string Bare(string url)
    {
        var bare = url.Contains("://") ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        return bare.TrimEnd('/');
    }
}
