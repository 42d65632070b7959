using System.Net.Mail;
using System.Text;

namespace Khilafat.Web.MailingList;

/// <summary>Email syntax and the one spelling an address is stored in.</summary>
public static class EmailAddresses
{
    /// <summary>
    /// Trimmed, without invisible characters and in Unicode normalization form C, with the domain lower-cased (the local part is left as typed: some servers treat it as case-sensitive).
    /// Null when it is not a single plain address of at most 254 characters.
    /// </summary>
    public static string? Normalize(string? input)
    {
        // One spelling for one address: invisible characters (zero-width, bidi controls) go ("amina\u200B@example.org" is
        // amina@example.org), and "é" typed as one character or as "e" and a combining accent is the same address.
        var trimmed = Testimonials.VisitorText.StripInvisible(input)?.Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Subscriber.EmailMaxLength) return null;
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || at > 64) return null;
        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')')) return null;
        var normalized = trimmed[..at] + "@" + trimmed[(at + 1)..].ToLowerInvariant();
        var domain = normalized[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return null;
        try
        {
            return new MailAddress(normalized).Address == normalized ? normalized : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The mailbox a (normalized) address delivers to, for counting what is sent there: "Amina+news@example.org" and
    /// "amina+x@example.org" both reach amina@example.org, as every common mail server treats "+" as a sub-address.
    /// </summary>
    public static (string Local, string Domain) Mailbox(string email)
    {
        var at = email.LastIndexOf('@');
        var local = email[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return ((plus > 0 ? local[..plus] : local).ToLowerInvariant(), email[(at + 1)..].ToLowerInvariant());
    }
}
