using System.Linq.Expressions;
using Khilafat.Web.MailingList;

namespace Khilafat.Web.Petitions;

/// <summary>Where a petition is in its life. Stored as a number: never renumber.</summary>
public enum PetitionState { Draft = 0, Open = 1, Closed = 2, Delivered = 3 }

/// <summary>
/// A petition: its own fields here, its text (title, summary, body; versioned and translated) as
/// <see cref="Content.TextKinds.Petition"/>. Public at /petitions/{Slug} once it is open and its English text published.
/// </summary>
public class Petition
{
    /// <summary>The picture shown on its page and in link previews (og:image); let go when the image is deleted.</summary>
    public int? LeadImageId { get; set; }

    public const int SlugMaxLength = 100;
    public const int AddressedToMaxLength = 300;
    public const int DeliveryReportMaxLength = 2000;
    public const int MaxGoal = 100_000_000;

    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>Whom it is addressed to ("The Prime Minister"), shown above its text.</summary>
    public required string AddressedTo { get; set; }

    /// <summary>The number of confirmed signatures it aims for.</summary>
    public int Goal { get; set; }

    /// <summary>When signing ends on its own (UTC); null: open until an editor closes it.</summary>
    public DateTime? ClosesAt { get; set; }

    public PetitionState State { get; set; }

    /// <summary>When an editor closed it; its closing date (<see cref="ClosesAt"/>) stands for it when it closed on its own.</summary>
    public DateTime? ClosedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>What happened when it was handed over: shown on its page once delivered.</summary>
    public string? DeliveryReport { get; set; }

    /// <summary>When its signers' names and emails were erased (data minimisation); null until then.</summary>
    public DateTime? SignersErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether people may sign now: open, and its closing date (if any) not yet passed.</summary>
    public static bool IsSignable(PetitionState state, DateTime? closesAt, DateTime now) => state == PetitionState.Open && (closesAt is null || closesAt > now);

    /// <summary><see cref="IsSignable"/> as a query's filter.</summary>
    public static Expression<Func<Petition, bool>> SignableAt(DateTime now) => p => p.State == PetitionState.Open && (p.ClosesAt == null || p.ClosesAt > now);

    /// <summary>When signing ended, by an editor's hand or the closing date; null while it has not.</summary>
    public static DateTime? EndedAt(PetitionState state, DateTime? closedAt, DateTime? closesAt, DateTime now) =>
        closedAt ?? (state != PetitionState.Draft && closesAt is { } at && at <= now ? at : null);
}

/// <summary>Stored as a number: never renumber.</summary>
public enum SignatureStatus { Pending = 0, Confirmed = 1, StruckOut = 2 }

/// <summary>Whether a signer asked to be told, once, when the petition is delivered, and whether they were. Stored as a number: never renumber.</summary>
public enum DeliveryNotice { NotAsked = 0, Asked = 1, Sent = 2 }

/// <summary>
/// One person's signature of one petition. It counts only once confirmed from the email sent to the address; one per
/// address per petition. After the petition has been closed for Petitions:EraseSignersAfterDays the name and email
/// are erased and only the country and dates remain, so the count and the delivery record stay.
/// </summary>
public class PetitionSignature : IConfirmedByEmail
{
    public const int NameMaxLength = 100;
    public const int StruckOutReasonMaxLength = 300;

    public long Id { get; set; }
    public int PetitionId { get; set; }

    /// <summary>Normalized like the list's (trimmed, domain lower-cased), unique per petition; null once erased.</summary>
    public string? Email { get; set; }

    /// <summary>The signer's full name as typed; null once erased. The page shows only the first name and an initial.</summary>
    public string? Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, upper case. Kept after erasure.</summary>
    public required string Country { get; set; }

    /// <summary>The language of the page they signed on; their confirmation email is in it.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Whether they ticked "show my name on this petition" (off by default).</summary>
    public bool ShowName { get; set; }

    public SignatureStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    public DateTime? StruckOutAt { get; set; }
    public string? StruckOutReason { get; set; }
    public string? StruckOutBy { get; set; }

    /// <summary>SHA-256 of the confirmation token (the token itself is only in the email).</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmTokenExpiresAt { get; set; }

    /// <summary>When the last confirmation email was queued, and how many on <see cref="ConfirmationsDay"/>: the same limits as the list's.</summary>
    public DateTime? LastConfirmationAt { get; set; }
    public DateOnly? ConfirmationsDay { get; set; }
    public int ConfirmationsOnDay { get; set; }

    public DateTime? ErasedAt { get; set; }

    /// <summary>"Email me once when this petition is delivered" (off unless ticked); the one email it allows, once queued, is <see cref="DeliveryNotice.Sent"/>.</summary>
    public DeliveryNotice DeliveryNotice { get; set; }

    /// <summary>What they agreed to when signing, recorded as the list's consent is.</summary>
    public required Consent Consent { get; set; }
}

/// <summary>
/// The consent wording beside the signing form's button. Its version is stored with each signature, so the exact words
/// a signer agreed to can always be shown. Change the text only together with a new version.
/// </summary>
public static class PetitionConsentWording
{
    public const string Version = "petition-2026-12";

    public const string Text =
        "I sign this petition. I agree to the Khilafat Movement keeping my name, email address and country for it, and giving my name and country to those it is addressed to. " +
        "My name and email address are erased some months after the petition closes.";
}
