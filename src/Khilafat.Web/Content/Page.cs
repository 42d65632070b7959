namespace Khilafat.Web.Content;

/// <summary>A page of the public site, served at /{Slug}. Its Markdown body is rendered on the way out.</summary>
public class Page
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 300;
    public const int BodyMaxLength = 100_000;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>One or two sentences; the page's meta description.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";

    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every save and checked by EF, so a stale edit can never overwrite a newer one.</summary>
    public int Version { get; set; }

    public List<PageRevision> Revisions { get; } = [];

    public List<PageTranslation> Translations { get; } = [];
}

/// <summary>A page in another language than English: its own text, draft or published state, and revisions.</summary>
public class PageTranslation
{
    public int Id { get; set; }
    public int PageId { get; set; }

    /// <summary>"ar" or "ur".</summary>
    public required string Culture { get; set; }

    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every save and checked by EF, as <see cref="Page.Version"/>.</summary>
    public int Version { get; set; }
}

/// <summary>A page as it was after one save. Revisions are never changed; restoring one writes a new revision.</summary>
public class PageRevision
{
    public int Id { get; set; }
    public int PageId { get; set; }

    /// <summary>The language of the text this revision holds: "en" for the page itself, else its translation.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>1, 2, 3... per page and language.</summary>
    public int Number { get; set; }

    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The account that saved it; null for the seed and for accounts since deleted.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Kept as text so the history still reads right after an account is gone.</summary>
    public required string AuthorName { get; set; }

    /// <summary>What kind of save this was: "Created", "Edited", "Published", "Restored revision 3"...</summary>
    public required string Note { get; set; }
}

/// <summary>A question and its Markdown answer on /faq.</summary>
public class FaqEntry
{
    public const int AnchorMaxLength = 100;
    public const int QuestionMaxLength = 300;
    public const int AnswerMaxLength = 10_000;

    public int Id { get; set; }

    /// <summary>The fragment that links to this entry (/faq#how-can-i-join); set once, so links keep working when the wording changes.</summary>
    public required string Anchor { get; set; }

    public required string Question { get; set; }
    public required string Answer { get; set; }
    public int Position { get; set; }
    public bool IsPublished { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<FaqTranslation> Translations { get; } = [];
}

/// <summary>An FAQ entry's question and answer in another language than English.</summary>
public class FaqTranslation
{
    public int Id { get; set; }
    public int FaqEntryId { get; set; }
    public required string Culture { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    public bool IsPublished { get; set; }
    public DateTime UpdatedAt { get; set; }
}
