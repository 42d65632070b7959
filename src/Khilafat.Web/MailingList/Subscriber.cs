namespace Khilafat.Web.MailingList;

public enum SubscriberStatus { Pending = 0, Confirmed = 1, Unsubscribed = 2 }

/// <summary>A person on (or once on) the mailing list, with the consent they gave.</summary>
public class Subscriber : IConfirmedByEmail
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    /// <summary>Trimmed, with the domain lower-cased; unique.</summary>
    public required string Email { get; set; }

    public string? Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public string? Country { get; set; }

    /// <summary>The language of the page they signed up on ("en", "ar", "ur"); their emails are in it.</summary>
    public string Language { get; set; } = "en";

    public SubscriberStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>SHA-256 of the confirmation token (the token itself is only ever in the email).</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmTokenExpiresAt { get; set; }

    /// <summary>When the last confirmation email was queued, and how many were queued on <see cref="ConfirmationsDay"/> (list-bombing limits).</summary>
    public DateTime? LastConfirmationAt { get; set; }
    public DateOnly? ConfirmationsDay { get; set; }
    public int ConfirmationsOnDay { get; set; }

    /// <summary>Permanent delivery failures (SMTP 5xx) since the last delivered list message.</summary>
    public int BounceCount { get; set; }

    /// <summary>When they were marked as bouncing (after 3 permanent failures): later sends leave them out.</summary>
    public DateTime? BouncingSince { get; set; }

    public required Consent Consent { get; set; }
}

/// <summary>
/// What the person agreed to: the exact wording shown (and its version), when and where. Not from which network
/// address: nothing needs it, and a hash of it tied the record to every other form sent from there.
/// </summary>
public class Consent
{
    public const int TextMaxLength = 1000;

    public required string Version { get; set; }
    public required string Text { get; set; }
    public DateTime GivenAt { get; set; }

    /// <summary>The page the consent was given on (/join), or "import" for an editor's CSV import.</summary>
    public required string Source { get; set; }

    /// <summary>For an imported list confirmed on an admin's word: where and how the consent was given, as they attested it.</summary>
    public string? Attestation { get; set; }

    /// <summary>For an imported list: the date the consent was given, as attested.</summary>
    public DateOnly? AttestedOn { get; set; }
}
