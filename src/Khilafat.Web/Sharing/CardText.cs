using System.Globalization;
using Khilafat.Web.Localization;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Khilafat.Web.Sharing;

/// <summary>One stretch of a card's line in one direction, placed at <see cref="X"/> (its left edge) with its shaped <see cref="Width"/>.</summary>
public sealed record CardRun(string Text, bool RightToLeft, float X, float Width);

/// <summary>
/// Text on a share card, shaped with HarfBuzz so that Arabic and Urdu letters join as they are written. SkiaSharp alone
/// draws glyph by glyph: unjoined letters, left to right. A title in Arabic script is drawn in the Arabic-script face
/// (Debian's fonts-sil-scheherazade, which has Urdu's letters too: DejaVu Sans lacks ہ and ے); one in Latin in DejaVu
/// Sans. Lines break between words; in a right-to-left line, a run of Latin words or of digits ("2026") keeps its own
/// left-to-right order, as a browser shows it (the few cases of the Unicode bidirectional algorithm a title meets).
/// </summary>
public static class CardText
{
    private static readonly Lazy<SKTypeface> Latin = new(() => SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default);
    private static readonly Lazy<SKTypeface> LatinBold = new(() => SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default);
    private static readonly Lazy<SKTypeface?> Arabic = new(() => ArabicScriptFace(SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface?> ArabicBold = new(() => ArabicScriptFace(SKFontStyle.Bold));

    // fontconfig answers a family it lacks with another face, so the face found is checked by its name. Debian 13
    // names the font "Scheherazade New", Debian 12 "Scheherazade".
    private static SKTypeface? ArabicScriptFace(SKFontStyle style) =>
        new[] { "Scheherazade New", "Scheherazade" }.Select(family => SKTypeface.FromFamilyName(family, style))
            .FirstOrDefault(face => face?.FamilyName.StartsWith("Scheherazade", StringComparison.Ordinal) == true);

    /// <summary>Whether a face for Arabic script is installed; without it, Arabic and Urdu cards carry the English name alone.</summary>
    public static bool HasArabicScriptFace => Arabic.Value is not null;

    /// <summary>Whether <paramref name="text"/> can be drawn as written: Latin and Arabic script only, every glyph in the face that draws it.</summary>
    public static bool CanDraw(string text)
    {
        if (!text.All(IsDrawable)) return false;
        if (!text.Any(IsArabicLetter)) return true;
        if (Arabic.Value is not { } face) return false;
        using var font = new SKFont(face);
        return font.ContainsGlyphs(text);
    }

    /// <summary>
    /// Draws <paramref name="text"/> in up to <paramref name="maxLines"/> lines between <paramref name="left"/> and
    /// <paramref name="right"/>, the first baseline at <paramref name="y"/>: from the right when its first letter is
    /// right-to-left (from the card's side when it has none), the last line ending in an ellipsis when cut short.
    /// </summary>
    public static void Draw(SKCanvas canvas, string text, float left, float right, float y, float size, float lineHeight, int maxLines,
        bool bold, bool cardRightToLeft, SKPaint paint)
    {
        var face = FaceFor(text, bold);
        var scale = Scale(face);
        using var font = new SKFont(face, size * scale);
        using var shaper = new SKShaper(face);
        foreach (var line in Layout(text, shaper, font, right - left, maxLines, cardRightToLeft))
        {
            foreach (var run in line) canvas.DrawShapedText(shaper, run.Text, left + run.X, y, SKTextAlign.Left, font, paint);
            y += lineHeight * scale;
        }
    }

    /// <summary>The lines <see cref="Draw"/> draws, each as its runs placed from the line's left edge (0) in a width of <paramref name="width"/>.</summary>
    public static List<List<CardRun>> Layout(string text, float size, float width, int maxLines, bool cardRightToLeft, bool bold = false)
    {
        var face = FaceFor(text, bold);
        using var font = new SKFont(face, size * Scale(face));
        using var shaper = new SKShaper(face);
        return Layout(text, shaper, font, width, maxLines, cardRightToLeft);
    }

    // Naskh letters sit small on their em beside DejaVu's Latin: a fifth larger, they read at the same size.
    private static float Scale(SKTypeface face) => face == Arabic.Value || face == ArabicBold.Value ? 1.2f : 1f;

    private static SKTypeface FaceFor(string text, bool bold) =>
        text.Any(IsArabicLetter) && (bold ? ArabicBold.Value : Arabic.Value) is { } arabic ? arabic : bold ? LatinBold.Value : Latin.Value;

    private static List<List<CardRun>> Layout(string text, SKShaper shaper, SKFont font, float width, int maxLines, bool cardRightToLeft)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        float Measure(string s) => shaper.Shape(s, font).Width;
        var space = Measure(" ");
        var rightToLeft = words.SelectMany(w => w).Select(Strong).FirstOrDefault(d => d is not null) ?? cardRightToLeft;

        // Greedy: as many words on a line as fit; a word wider than the line has one to itself.
        var lines = new List<List<string>>();
        var current = new List<string>();
        var used = 0f;
        foreach (var word in words)
        {
            var wordWidth = Measure(word);
            if (current.Count > 0 && used + space + wordWidth > width)
            {
                lines.Add(current);
                (current, used) = ([], 0);
            }
            used += (current.Count > 0 ? space : 0) + wordWidth;
            current.Add(word);
        }
        if (current.Count > 0) lines.Add(current);
        if (lines.Count > maxLines)
        {
            // Cut short: the last line ends in an ellipsis, with as many of its words as leave it room.
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            var last = lines[^1];
            while (last.Count > 1 && Measure(string.Join(' ', last) + " …") > width) last.RemoveAt(last.Count - 1);
            last.Add("…");
        }
        return [.. lines.Select(line => Place(Runs(line, rightToLeft), Measure, space, width, rightToLeft))];
    }

    /// <summary>
    /// The line's words grouped into runs of one direction, in reading order. A number written onto a word ("2026م")
    /// is a piece of its own, since digits read left to right in either script. A piece without a strong letter takes
    /// its neighbours' direction when both share it, else the paragraph's.
    /// </summary>
    private static List<(string Text, bool RightToLeft, bool SpaceBefore)> Runs(List<string> words, bool paragraphRightToLeft)
    {
        var pieces = words.SelectMany(word => Pieces(word).Select((piece, i) => (Text: piece, SpaceBefore: i == 0))).ToList();
        var own = pieces.Select(p => p.Text.Select(Strong).FirstOrDefault(d => d is not null) ?? (p.Text.Any(char.IsDigit) ? false : null)).ToList();
        var runs = new List<(string Text, bool RightToLeft, bool SpaceBefore)>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var before = own.Take(i).LastOrDefault(d => d is not null);
            var after = own.Skip(i + 1).FirstOrDefault(d => d is not null);
            var direction = own[i] ?? (before is { } b && b == after ? b : paragraphRightToLeft);
            var (text, spaceBefore) = pieces[i];
            if (runs.Count > 0 && runs[^1].RightToLeft == direction)
                runs[^1] = (runs[^1].Text + (spaceBefore ? " " : "") + text, direction, runs[^1].SpaceBefore);
            else runs.Add((text, direction, spaceBefore));
        }
        return runs;
    }

    /// <summary>A word cut where digits meet letters: "2026م" is "2026" and "م"; most words are one piece.</summary>
    private static IEnumerable<string> Pieces(string word)
    {
        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsDigit(word[i]) == char.IsDigit(word[i - 1]) || !(char.IsLetter(word[i]) || char.IsLetter(word[i - 1]))) continue;
            yield return word[start..i];
            start = i;
        }
        yield return word[start..];
    }

    /// <summary>Runs placed from the line's start: from the right edge leftwards in a right-to-left line, else from the left; a space between two only where the words had one.</summary>
    private static List<CardRun> Place(List<(string Text, bool RightToLeft, bool SpaceBefore)> runs, Func<string, float> measure, float space, float width, bool rightToLeft)
    {
        var placed = new List<CardRun>();
        var x = rightToLeft ? width : 0f;
        foreach (var (runText, runRightToLeft, spaceBefore) in runs)
        {
            var gap = placed.Count > 0 && spaceBefore ? space : 0;
            var runWidth = measure(runText);
            x = rightToLeft ? x - gap - runWidth : x + gap;
            placed.Add(new CardRun(runText, runRightToLeft, x, runWidth));
            if (!rightToLeft) x += runWidth;
        }
        return placed;
    }

    /// <summary>A letter's direction: right-to-left for Arabic script, left-to-right for Latin; null for digits, marks and punctuation.</summary>
    private static bool? Strong(char c) => IsArabicLetter(c) ? true : char.IsLetter(c) ? false : null;

    private static bool IsArabicLetter(char c) => SiteCultures.IsArabicScript(c) && char.GetUnicodeCategory(c) is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter;

    // Latin (with its accents), general punctuation, Arabic script, and the joiners and direction marks Arabic and Urdu text carries.
    private static bool IsDrawable(char c) => c is >= ' ' and < '\u0250' or >= '\u2010' and <= '\u2027' or >= '\u200C' and <= '\u200F' || SiteCultures.IsArabicScript(c);
}
