namespace Khilafat.Web.Updates;

/// <summary>
/// A news update: one text (versioned and translated, <see cref="Content.TextKinds.Update"/>) that editors publish on
/// the site at /updates/{Slug}, email to the list, or both.
/// </summary>
public class Update
{
    public const int SlugMaxLength = 100;
    public const int EmailOnPublishByMaxLength = 256;

    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>False for an email-only update: it is sent to the list but never listed or served on the site.</summary>
    public bool ShowOnSite { get; set; } = true;

    /// <summary>When an editor scheduled it to be published (UTC); null when not scheduled.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>
    /// Who asked, with the publish time, for the update to be emailed to every confirmed subscriber when it is published
    /// (the publishing job then starts the send); null when not, and once the send has started.
    /// </summary>
    public string? EmailOnPublishBy { get; set; }

    /// <summary>When it was first published: its date on the site, and the order of the list. Kept when republished.</summary>
    public DateTime? FirstPublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// When an editor deleted it: its address then answers 410 Gone, and its texts and revisions stay for the record
    /// (as a deleted page's do). Null while it exists.
    /// </summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>The image shown at the top of the update and in link previews (og:image); null for none.</summary>
    public int? LeadImageId { get; set; }
}
