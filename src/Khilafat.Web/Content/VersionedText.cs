namespace Khilafat.Web.Content;

/// <summary>The kinds of item whose texts are versioned and translated. Each names its items in <see cref="VersionedText.Kind"/>.</summary>
public static class TextKinds
{
    public const string Page = "page";
    public const string Faq = "faq";

    /// <summary>A news update (<see cref="Updates.Update"/>).</summary>
    public const string Update = "update";

    /// <summary>The welcome email a subscriber gets after confirming; one item (id 1), a text per language.</summary>
    public const string Welcome = "welcome";

    /// <summary>An event's title, summary and description (<see cref="Events.Event"/>).</summary>
    public const string Event = "event";
    /// <summary>A petition (<see cref="Petitions.Petition"/>): its title, summary and the text people sign.</summary>
    public const string Petition = "petition";
}

/// <summary>
/// One item's text in one language (a page's English original, its Urdu translation, an FAQ entry's Arabic answer...),
/// versioned the same way for every kind. It holds two copies: the working copy, which is what editors last saved, and
/// the published copy, which is what readers see (null fields while unpublished). An edit saved as a draft changes
/// only the working copy, so a published text can carry an unpublished draft beside it.
/// </summary>
public class VersionedText
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 300;
    public const int BodyMaxLength = 100_000;

    public int Id { get; set; }

    /// <summary>One of <see cref="TextKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The id of the item of that kind (a page's, an FAQ entry's).</summary>
    public int ItemId { get; set; }

    /// <summary>"en" for the original, else its translation's language.</summary>
    public required string Culture { get; set; }

    /// <summary>The working copy: a page's title, an FAQ entry's question.</summary>
    public required string Title { get; set; }

    /// <summary>The working copy's summary (the meta description); kinds without one leave it empty.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The working copy's Markdown: a page's body, an FAQ entry's answer.</summary>
    public string Body { get; set; } = "";

    public bool IsPublished { get; set; }
    public string? PublishedTitle { get; set; }
    public string? PublishedSummary { get; set; }
    public string? PublishedBody { get; set; }

    /// <summary>When the published copy last changed.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>When the working copy last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every save and checked by EF, so a stale edit can never overwrite a newer one.</summary>
    public int Version { get; set; }

    /// <summary>True when the working copy differs from what readers see: a draft waits beside the published text.</summary>
    /// <summary>
    /// For a translation: the public version of the English original it was last saved from, so readers can be told
    /// when the English has changed in meaning since (<see cref="TextRevision.IsMajor"/>). Null for originals.
    /// </summary>
    public int? SourceVersion { get; set; }

    /// <summary>
    /// A translation published before the movement reviewed it (the seeded ones): readers are told it awaits review and
    /// that the English text is authoritative. An editor's "Mark as reviewed", or publishing the translation from the
    /// admin, clears it. False for originals and for the translations editors write.
    /// </summary>
    public bool AwaitsReview { get; set; }

    /// <summary>When an editor last vouched for the translation (marked it reviewed, or published it); null for the seed's.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Who did, kept as text so it still reads right after the account is gone.</summary>
    public string? ReviewedBy { get; set; }

    public List<TextRevision> Revisions { get; } = [];

    public bool HasDraft => IsPublished && (Title != PublishedTitle || Summary != PublishedSummary || Body != PublishedBody);
}

/// <summary>A text as it was after one save. Revisions are never changed; restoring one writes a new revision.</summary>
public class TextRevision
{
    public const int ChangeNoteMaxLength = 200;

    public int Id { get; set; }
    public int TextId { get; set; }

    /// <summary>1, 2, 3... per text.</summary>
    public int Number { get; set; }

    /// <summary>The item's address at the time (a page's slug, an FAQ entry's anchor), so a history shows its moves.</summary>
    public required string Address { get; set; }

    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Whether this revision was what readers saw once saved.</summary>
    public bool IsPublished { get; set; }

    /// <summary>
    /// 1, 2, 3... for the revisions that changed what readers see (the public versions, /statement/versions/2); null
    /// for drafts, unpublishing and other saves readers never saw.
    /// </summary>
    public int? PublicVersion { get; set; }

    /// <summary>A public version that changed the meaning, as its editor said; false for typos and formatting.</summary>
    public bool IsMajor { get; set; }

    /// <summary>The one line an editor wrote for readers about a major change.</summary>
    public string? ChangeNote { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The account that saved it; null for the seed and for accounts since deleted.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Kept as text so the history still reads right after an account is gone.</summary>
    public required string AuthorName { get; set; }

    /// <summary>What kind of save this was: "Created", "Edited", "Published", "Restored revision 3"...</summary>
    public required string Note { get; set; }
}
