using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Localization;

/// <summary>
/// A count with its noun in the form the reader's language gives that number. English and Urdu have one form beside
/// the singular; Arabic has more (CLDR's plural rules): exactly 2 the dual ("two": في دولتين), 3 to 10 the plural
/// ("few": ٤ توقيعات), 11 to 99 the accusative singular ("many": ١١ توقيعًا), and 100, 1,000 and the like the plain
/// singular ("other"). A resource such as "{0} signatures" holds the "other" form; "{0} signatures|few" and
/// "{0} signatures|many" hold Arabic's two more (the other languages' resources keep the same keys, with their one
/// plural in each). A form without a resource of its own ("|two" where Arabic's dual is not wanted) takes the "other".
/// </summary>
public static class PluralForms
{
    /// <summary><paramref name="key"/> for <paramref name="count"/> in the current language, the count formatted in it.</summary>
    public static LocalizedString Count(this IStringLocalizer localizer, string key, int count)
    {
        var formatted = count.ToString("N0", CultureInfo.CurrentCulture);
        if (Form(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, count) is { } form && localizer[$"{key}|{form}", formatted] is { ResourceNotFound: false } inForm)
            return inForm;
        return localizer[key, formatted];
    }

    /// <summary>The form, beyond the one a resource holds, that <paramref name="language"/> gives <paramref name="count"/>; null for that one.</summary>
    public static string? Form(string language, int count) => language != "ar" ? null : count == 2 ? "two" : (count % 100) switch
    {
        >= 3 and <= 10 => "few",
        >= 11 and <= 99 => "many",
        _ => null,
    };
}
