using System.Globalization;

namespace Khilafat.Web.Localization;

/// <summary>
/// The site's languages. English is the default and has no prefix (/statement); the others are the first segment of
/// the path (/ar/statement, /ur/statement), so a page in a language can be shared and indexed.
/// </summary>
public static class SiteCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> All = ["en", "ar", "ur"];

    /// <summary>Each language's name in itself, for the language switcher.</summary>
    public static string NativeName(string culture) => culture switch
    {
        "ar" => "العربية",
        "ur" => "اردو",
        _ => "English",
    };

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture);

    public static bool IsRightToLeft(string culture) => CultureInfo.GetCultureInfo(culture).TextInfo.IsRightToLeft;

    /// <summary>The value of a dir attribute for text in <paramref name="culture"/>: "rtl" or "ltr".</summary>
    public static string Direction(string culture) => IsRightToLeft(culture) ? "rtl" : "ltr";

    /// <summary>The language of the current request ("en", "ar", "ur").</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var name && IsSupported(name) ? name : Default;

    /// <summary>
    /// The lang attribute for a text an editor typed once, for every language (an event's place or reason, a petition's
    /// addressee): "en" on an Arabic or Urdu page when it is written in Latin letters only (English being the site's one
    /// language in them), so that a screen reader does not read it with an Arabic or Urdu voice; else null (no
    /// attribute: the page's language, or a text in Arabic script that may be either).
    /// </summary>
    public static string? LangOf(string? text)
    {
        if (Current == Default || string.IsNullOrEmpty(text)) return null;
        var latin = false;
        foreach (var c in text)
        {
            if (IsArabicScript(c)) return null;
            latin |= c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
        }
        return latin ? Default : null;
    }

    /// <summary>Whether a character is of the Arabic script, in which Arabic and Urdu are written (its letters, marks, digits and presentation forms).</summary>
    public static bool IsArabicScript(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
        or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>The current language's comma: Arabic and Urdu write "،" (U+060C) where English writes ",".</summary>
    public static string Comma => IsRightToLeft(Current) ? "،" : ",";

    /// <summary>A day with its time in the current language, its own comma included: "Friday 4 December 2026, 18:00".</summary>
    public static string DayAndTimeFormat => $"dddd d MMMM yyyy'{Comma}' HH:mm";

    /// <summary>"/statement" in <paramref name="culture"/>: "/statement", "/ar/statement"; "/" is "/ar" in Arabic.</summary>
    public static string PathFor(string culture, string path)
    {
        if (culture == Default || !IsSupported(culture)) return path;
        return path == "/" ? "/" + culture : "/" + culture + path;
    }

    /// <summary>"/statement" in the current request's language.</summary>
    public static string Href(string path) => PathFor(Current, path);

    /// <summary>The language a path is in, and the path without its language prefix: "/ar/faq" is ("ar", "/faq").</summary>
    public static (string Culture, string Path) Split(string path)
    {
        foreach (var culture in All)
        {
            if (culture == Default) continue;
            var prefix = "/" + culture;
            if (path.Equals(prefix, StringComparison.OrdinalIgnoreCase)) return (culture, "/");
            if (path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)) return (culture, path[prefix.Length..]);
        }
        return (Default, path);
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="culture"/> as the UI and formatting culture (for emails in a subscriber's language).</summary>
    public static T In<T>(string culture, Func<T> action)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(IsSupported(culture) ? culture : Default);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }
}
