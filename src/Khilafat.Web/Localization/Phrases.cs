using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Localization;

public static class Phrases
{
    /// <summary>
    /// A translated phrase split around its one placeholder, so that what fills it can sit in an element of its own
    /// wherever the language puts it: a date in a &lt;time&gt;, an email address isolated left to right in Arabic.
    /// </summary>
    public static (string Before, string After) AroundPlaceholder(this LocalizedString phrase)
    {
        var at = phrase.Value.IndexOf("{0}", StringComparison.Ordinal);
        return at < 0 ? (phrase.Value, "") : (phrase.Value[..at], phrase.Value[(at + 3)..]);
    }
}
