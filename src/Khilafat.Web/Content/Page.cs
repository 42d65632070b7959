namespace Khilafat.Web.Content;

/// <summary>
/// A page of the public site, served at /{Slug}. Its texts (the English original and each translation) are
/// <see cref="VersionedText"/>s of kind <see cref="TextKinds.Page"/>.
/// </summary>
public class Page
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 300;
    public const int BodyMaxLength = 100_000;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Readers can see how the page changed: its published versions at /{slug}/changes, and major changes in the feed.</summary>
    public bool HasPublicHistory { get; set; }

    /// <summary>Set when an editor deleted the page: its address answers 410 Gone, or redirects to <see cref="RedirectTo"/>.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>A deleted page's new address on this site ("/our-work"), if the editor gave one.</summary>
    public string? RedirectTo { get; set; }

    /// <summary>The image shown at the top of the page and in link previews (og:image); null for none.</summary>
    public int? LeadImageId { get; set; }
}

/// <summary>A question and its Markdown answer on /faq; the texts are <see cref="VersionedText"/>s of kind <see cref="TextKinds.Faq"/>.</summary>
public class FaqEntry
{
    public const int AnchorMaxLength = 100;
    public const int QuestionMaxLength = 300;
    public const int AnswerMaxLength = 10_000;

    public int Id { get; set; }

    /// <summary>The fragment that links to this entry (/faq#how-can-i-join); set once, so links keep working when the wording changes.</summary>
    public required string Anchor { get; set; }

    public int Position { get; set; }
    public DateTime UpdatedAt { get; set; }
}
