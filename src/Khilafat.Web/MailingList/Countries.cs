using System.Globalization;

namespace Khilafat.Web.MailingList;

/// <summary>The countries a subscriber can choose: ISO 3166-1 alpha-2 codes, named in the reader's language.</summary>
public static class Countries
{
    // Made from the cultures the platform knows; a region is created from a culture's name ("ar-EH"), as a bare
    // code is refused for a few regions whose code is also a language's.
    private static readonly IReadOnlyDictionary<string, RegionInfo> Regions = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .Where(r => r is not null && r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
        .GroupBy(r => r!.TwoLetterISORegionName)
        .ToDictionary(g => g.Key, g => g.First()!, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Regions.ContainsKey(code);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> Sorted = new();

    /// <summary>Every country, sorted by its name in the current UI language (worked out once per language).</summary>
    public static IReadOnlyList<(string Code, string Name)> All() =>
        Sorted.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
        {
            var culture = CultureInfo.CurrentUICulture;
            return Regions.Keys.Select(code => (Code: code, Name: Name(code)))
                .OrderBy(c => c.Name, StringComparer.Create(culture, ignoreCase: true))
                .ToList();
        });

    /// <summary>
    /// The country's name in the current UI language. A RegionInfo names its country in the language of the culture it
    /// was made from ("as-IN" gives Assamese), so the name comes from one made for the reader's language and the country.
    /// </summary>
    public static string Name(string? code)
    {
        if (code is null || !Regions.TryGetValue(code, out var region)) return code ?? "";
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (language == "en") return region.EnglishName;
        try
        {
            return new RegionInfo($"{language}-{code}").DisplayName;
        }
        catch (ArgumentException)
        {
            return region.EnglishName;
        }
    }
}
