using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace Khilafat.Web.Testimonials;

/// <summary>Why a submission looks like spam, or null when it does not. Likely spam is queued for an editor, never thrown away.</summary>
public static partial class SpamCheck
{
    /// <summary>A form sent sooner than this after it was served was filled in by a program.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this is not being filled in by a person: a robot is replaying one stamp it fetched once.</summary>
    public static readonly TimeSpan MaximumFillTime = TimeSpan.FromHours(4);

    /// <summary>
    /// The reason given for a stamp older than <see cref="MaximumFillTime"/>. A person can be behind it too (the form
    /// left open over an afternoon), so the forms whose robots are otherwise thanked show such a form again instead.
    /// </summary>
    public const string FormExpired = "form stamp expired";

    /// <summary>
    /// The reason given for a form sent within <see cref="MinimumFillTime"/>. A person with autofill can be that quick:
    /// the forms whose robots are otherwise thanked show the form again, to send once more, rather than drop it unseen.
    /// </summary>
    public const string TooFast = "posted too fast";

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]+\.(com|net|org|info|biz|ru|xyz|top|io|co|me|ly|link|click|shop|site|online)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    /// <summary>A tamper-proof note of when a form was served at <paramref name="now"/>, for the fill time.</summary>
    internal static string NewFormStamp(IDataProtector formStamps, DateTime now) =>
        formStamps.Protect(now.Ticks.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A stamp for a form shown again because its own had expired: dated <see cref="MinimumFillTime"/> back, so that the
    /// person, who filled it in long ago, can send it at once without being taken for a fast robot.
    /// </summary>
    internal static string RenewedFormStamp(IDataProtector formStamps, DateTime now) => NewFormStamp(formStamps, now - MinimumFillTime);

    /// <summary>
    /// Why a submission was sent by a program, or null: the honeypot filled in, the form stamp missing or forged, the
    /// form sent too fast, or sent with a stamp older than <see cref="MaximumFillTime"/> (a replayed form).
    /// </summary>
    internal static string? RobotReason(string? honeypot, string? formStamp, IDataProtector formStamps, DateTime now)
    {
        if (!string.IsNullOrEmpty(honeypot)) return "honeypot filled in";
        long ticks;
        try
        {
            ticks = long.Parse(formStamps.Unprotect(formStamp ?? ""), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return "form stamp missing or forged";
        }
        var age = now - new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        if (age < MinimumFillTime) return TooFast;
        return age > MaximumFillTime ? FormExpired : null;
    }

    /// <summary>Whether <paramref name="text"/> holds a link ("contains a link").</summary>
    public static string? Link(string text) => LinkPattern().IsMatch(VisitorText.ForMatching(text)) ? "contains a link" : null;

    /// <summary>The first word of <paramref name="blocklist"/> that <paramref name="text"/> holds ("blocklisted word: ..."), or null.</summary>
    public static string? BlockedWord(string text, IReadOnlyCollection<string> blocklist)
    {
        // Both sides as the checks see them, so an invisible character inside a word does not hide it.
        text = VisitorText.ForMatching(text);
        foreach (var listed in blocklist)
        {
            var word = VisitorText.ForMatching(listed);
            if (word.Length == 0) continue;
            // Whole words only, in any case: "skill" does not match "kill".
            if (Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                return "blocklisted word: " + listed;
        }
        return null;
    }

    /// <summary>The blocklist as editors write it: one word or phrase per line; blank lines and surrounding spaces ignored.</summary>
    public static IReadOnlyList<string> ParseBlocklist(string? text) =>
        (text ?? "").Split('\n').Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// What a new site starts with; editors change it at /admin/testimonials/blocklist. Advertising, slurs and threats:
    /// not words such as "massacre" or "genocide", with which supporters grieve for Gaza. A match holds a testimonial
    /// for an editor's review; it never marks it as spam.
    /// </summary>
    public const string DefaultBlocklist =
        "casino\nviagra\ncrypto\nbitcoin\nforex\nloan\nseo services\n" +
        "kike\nraghead\ntowelhead\nmuzrat\nkafir scum\njihadi scum\n" +
        "kill them\nkill them all\nbehead them\ngas them\nburn them alive\nshoot them\nbomb them\nhang them";
}

/// <summary>User text made safe to show: besides HTML encoding (Razor's), bidirectional embedding and override characters are dropped, so they cannot reorder the text around them.</summary>
public static class DisplayText
{
    public static string Clean(string text) =>
        string.Concat(text.Where(c => c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')));
}
