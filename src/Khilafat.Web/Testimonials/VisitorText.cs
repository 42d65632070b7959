using System.Globalization;
using System.Text;

namespace Khilafat.Web.Testimonials;

/// <summary>
/// Characters a visitor can type but nobody can see. Bidirectional controls reorder the text around them (an admin
/// reading "moc.live" for "evil.com"); zero-width characters split a word or a link so that it reads the same but
/// matches nothing. Names, places and emails lose them before they are stored; the spam checks see text without any.
/// </summary>
public static class VisitorText
{
    /// <summary>
    /// <paramref name="text"/> without bidi controls and zero-width characters, trimmed; null when nothing is left.
    /// The zero-width (non-)joiner stays between two letters of the Arabic script, where Urdu and Persian spelling uses it.
    /// </summary>
    public static string? StripInvisible(string? text)
    {
        if (text is null) return null;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsBidiControl(c) || IsZeroWidth(c)) continue;
            if (c is '\u200C' or '\u200D' && !(i > 0 && i < text.Length - 1 && IsArabicLetter(text[i - 1]) && IsArabicLetter(text[i + 1]))) continue;
            kept.Append(c);
        }
        var stripped = kept.ToString().Trim();
        return stripped.Length == 0 ? null : stripped;
    }

    /// <summary>
    /// Text as the spam checks compare it: compatibility-normalized (full-width "ｗｗｗ" is "www") and without any
    /// invisible formatting character, joiners included, so that "cas\u200Bino" is "casino".
    /// </summary>
    public static string ForMatching(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        return string.Concat(normalized.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format && !IsZeroWidth(c)));
    }

    private static bool IsBidiControl(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsZeroWidth(char c) => c is '\u200B' or (>= '\u2060' and <= '\u2064') or '\uFEFF' or '\u180E' or '\u00AD' or '\u034F';

    private static bool IsArabicLetter(char c) =>
        char.IsLetter(c) && c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');
}
