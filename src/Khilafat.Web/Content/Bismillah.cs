using System.Text;

namespace Khilafat.Web.Content;

/// <summary>
/// "In the name of God, the Most Gracious, the Most Merciful", which opens the statement. It is Arabic whatever the
/// page's language, so the renderer marks a paragraph of it as Arabic (its font, right to left) on English and Urdu
/// pages too.
/// </summary>
public static class Bismillah
{
    public const string Arabic = "بسم الله الرحمن الرحيم";

    /// <summary>
    /// Whether <paramref name="text"/> is the Bismillah alone, in Arabic script: with or without its vowel marks, a
    /// wasla alef, Urdu's forms of heh and yeh, or a closing full stop.
    /// </summary>
    public static bool Is(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            // Harakat, the dagger alef, Quranic marks and the tatweel say how to read the letters, not which they are.
            if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or >= '\u06D6' and <= '\u06ED') continue;
            plain.Append(c switch { '\u0671' => '\u0627', '\u06C1' => '\u0647', '\u06CC' => '\u064A', '.' or '\u06D4' => ' ', _ => c });
        }
        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) == Arabic;
    }
}
