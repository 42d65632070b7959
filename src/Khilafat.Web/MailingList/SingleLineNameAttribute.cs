using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Khilafat.Web.MailingList;

/// <summary>
/// A name as people write theirs: one line, no web or email address. The sign-up name is put into the confirmation
/// email, which goes to an address nobody has proved is theirs yet; without this, anyone could have the site mail
/// their own lines and links to any address.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class SingleLineNameAttribute : ValidationAttribute
{
    private const string Message = "Write your name on one line, without web or email addresses.";

    public SingleLineNameAttribute() : base(Message)
    {
    }

    // A name longer than any allowed is StringLength's to refuse: not looked at here, so a huge one costs nothing.
    public override bool IsValid(object? value) => value is not string name || name.Length > Subscriber.NameMaxLength || IsPlainName(name);

    // In the form's language: MVC looks an attribute's message up in the resources only through an adapter, which the
    // built-in attributes have and this one does not, so it stayed English on the Arabic and Urdu forms.
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        IsValid(value) ? ValidationResult.Success
            : new ValidationResult(context.GetService(typeof(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>)) is Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t ? t[Message].Value : Message,
                context.MemberName is { } member ? [member] : null);

    public static bool IsPlainName(string name) =>
        !name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '<' or '>') && !AddressLike().IsMatch(WithPlainDots(name));

    // Full stops of other scripts and widths that browsers and mail programs take for the dot of an address
    // ("phish。com" is a link in many of them), read as that dot.
    private static string WithPlainDots(string name) =>
        name.IndexOfAny(LookAlikeDots) < 0 ? name : string.Concat(name.Select(c => Array.IndexOf(LookAlikeDots, c) >= 0 ? '.' : c));

    private static readonly char[] LookAlikeDots = ['\u3002', '\uFF0E', '\uFF61', '\u2024', '\uFE52', '\u0701', '\u0702'];

    // A scheme, "www.", an email address, or a host name such as "evil.example" ("St. John" has a space and passes).
    [GeneratedRegex(@"://|\bwww\.|@|[\p{L}\p{N}-]{2,}\.[\p{L}]{2,}\b|[:/\\]{2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AddressLike();
}
