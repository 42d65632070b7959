using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

/// <summary>What an editor submits for a text: a page's title, summary and body; an FAQ entry's question and answer.</summary>
public sealed record TextInput(string Title, string Summary, string Body)
{
    /// <summary>Trimmed, and LF line endings (browsers send CRLF), so diffs and revisions compare what an editor sees.</summary>
    public TextInput Clean() => new((Title ?? "").Trim(), (Summary ?? "").Trim(), (Body ?? "").Replace("\r\n", "\n").Trim());
}

/// <summary>What a save does to what readers see.</summary>
public enum TextChange
{
    /// <summary>A published text shows the edit at once ("Update"); an unpublished one stays a draft.</summary>
    Keep,
    Publish,
    Unpublish,

    /// <summary>Only the working copy changes: readers keep the published text until the draft is published.</summary>
    SaveDraft,

    /// <summary>The working copy goes back to the published text.</summary>
    DiscardDraft,
}

/// <summary>The outcome of a save.</summary>
public abstract record TextSaveResult
{
    public sealed record Saved(int ItemId, int Version) : TextSaveResult;

    public sealed record NotFound : TextSaveResult;

    /// <summary>Someone saved the text after the editor opened it; <paramref name="Current"/> is what is stored now.</summary>
    public sealed record Conflict(TextInput Current, string Address, int CurrentVersion, bool IsPublished, string LastEditor, DateTime UpdatedAt) : TextSaveResult;

    /// <summary>A unique field of the item (a page's slug) was taken by another save meanwhile.</summary>
    public sealed record Taken : TextSaveResult;

    /// <summary>Field-level problems, keyed by the form's property names.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : TextSaveResult;
}

/// <summary>The lengths and required fields of one kind's texts, with the names its forms give them.</summary>
public sealed record TextRules(string TitleField, string TitleName, int TitleMax, int SummaryMax, string BodyField, string BodyName, int BodyMax, bool BodyRequired)
{
    public static readonly TextRules Page = new("Title", "title", Content.Page.TitleMaxLength, Content.Page.SummaryMaxLength, "Body", "body", Content.Page.BodyMaxLength, false);
    public static readonly TextRules Faq = new("Question", "question", FaqEntry.QuestionMaxLength, 0, "Answer", "answer", FaqEntry.AnswerMaxLength, true);

    /// <summary>Adds the problems of <paramref name="input"/> (already cleaned) to <paramref name="errors"/>, in any language.</summary>
    public void Check(TextInput input, Dictionary<string, string> errors)
    {
        var article = BodyRequired ? "the" : "a";
        if (input.Title.Length == 0) errors[TitleField] = $"Enter {article} {TitleName}.";
        else if (input.Title.Length > TitleMax) errors[TitleField] = $"The {TitleName} must be at most {TitleMax} characters.";
        if (input.Summary.Length > SummaryMax) errors["Summary"] = $"The summary must be at most {SummaryMax} characters.";
        if (BodyRequired && input.Body.Length == 0) errors[BodyField] = $"Enter the {BodyName}.";
        else if (input.Body.Length > BodyMax) errors[BodyField] = $"The {BodyName} must be at most {BodyMax:N0} characters.";
    }
}

/// <summary>How an editor describes a change that readers will see: major (the meaning changed, with a note for readers) or minor.</summary>
public sealed record TextPublication(bool IsMajor, string? Note);

/// <summary>One kind's audit actions.</summary>
public sealed record TextAudit(string Created, string Edited, string Published, string Unpublished, string Restored)
{
    public static readonly TextAudit Page = new(AuditActions.PageCreated, AuditActions.PageEdited, AuditActions.PagePublished, AuditActions.PageUnpublished, AuditActions.PageRestored);
    public static readonly TextAudit Faq = new(AuditActions.FaqCreated, AuditActions.FaqEdited, AuditActions.FaqPublished, AuditActions.FaqUnpublished, AuditActions.FaqEdited);
}

/// <summary>
/// The item a text belongs to, as a save needs it: its kind, id, address, rules and audit actions. <see cref="ItemChange"/>
/// says what the kind changed in its own fields (tracked on the same context, saved with the text), for the audit log;
/// set, it makes the save a change even when the text is the same.
/// </summary>
public sealed record TextItem(string Kind, int ItemId, string Address, TextRules Rules, TextAudit Audit, string? ItemChange = null)
{
    public static TextItem Page(int id, string slug) => new(TextKinds.Page, id, slug, TextRules.Page, TextAudit.Page);
    public static TextItem Page(Page page) => Page(page.Id, page.Slug);
    public static TextItem Faq(int id, string anchor) => new(TextKinds.Faq, id, anchor, TextRules.Faq, TextAudit.Faq);
    public static TextItem Faq(FaqEntry entry) => Faq(entry.Id, entry.Anchor);

    /// <summary>"page:statement", "faq:how-can-i-help:ar": what the audit log names.</summary>
    public string AuditTarget(string culture) => AuditTargets.Text(Kind, Address, culture);
}

/// <summary>A text as the editor opens it; <paramref name="AwaitsReview"/> for a seeded translation no editor has vouched for.</summary>
public sealed record TextView(string Culture, TextInput Working, bool IsPublished, bool HasDraft, int Version, DateTime UpdatedAt, DateTime? PublishedAt, bool AwaitsReview = false);

public sealed record TextRevisionItem(int Number, DateTime CreatedAt, string AuthorName, string Note, bool IsPublished);

public sealed record TextRevisionContent(string Address, TextInput Text);

/// <summary>
/// The one way texts are saved, for every kind and language: optimistic concurrency (a stale edit becomes a conflict,
/// never an overwrite), a draft beside the published text, a revision and an audit entry per save, restore, and the
/// public cache evicted when readers' text changed. Kinds keep their own fields (a page's slug, an FAQ entry's
/// anchor) in their own service and call this for the text.
/// </summary>
public sealed class TextEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache)
{
    public static bool IsTranslationCulture(string culture) => SiteCultures.IsSupported(culture) && culture != SiteCultures.Default;

    public async Task<TextView?> GetAsync(string kind, int itemId, string culture, CancellationToken ct = default) =>
        await db.Texts.AsNoTracking().Where(t => t.Kind == kind && t.ItemId == itemId && t.Culture == culture)
            .Select(t => new TextView(t.Culture, new TextInput(t.Title, t.Summary, t.Body), t.IsPublished,
                t.IsPublished && (t.Title != t.PublishedTitle || t.Summary != t.PublishedSummary || t.Body != t.PublishedBody),
                t.Version, t.UpdatedAt, t.PublishedAt, t.AwaitsReview))
            .SingleOrDefaultAsync(ct);

    /// <summary>Each item's texts of <paramref name="kind"/>: language, published, and whether a draft waits.</summary>
    public async Task<ILookup<int, (string Culture, bool IsPublished, bool HasDraft)>> StatesAsync(string kind, CancellationToken ct = default) =>
        (await db.Texts.AsNoTracking().Where(t => t.Kind == kind)
            .Select(t => new
            {
                t.ItemId, t.Culture, t.IsPublished,
                HasDraft = t.IsPublished && (t.Title != t.PublishedTitle || t.Summary != t.PublishedSummary || t.Body != t.PublishedBody),
            })
            .ToListAsync(ct))
        .ToLookup(t => t.ItemId, t => (t.Culture, t.IsPublished, t.HasDraft));

    /// <summary>The text's revisions, newest first.</summary>
    public async Task<IReadOnlyList<TextRevisionItem>> RevisionsAsync(string kind, int itemId, string culture, CancellationToken ct = default) =>
        await Revisions(kind, itemId, culture).OrderByDescending(r => r.Number)
            .Select(r => new TextRevisionItem(r.Number, r.CreatedAt, r.AuthorName, r.Note, r.IsPublished))
            .ToListAsync(ct);

    public async Task<TextRevisionContent?> RevisionAsync(string kind, int itemId, string culture, int number, CancellationToken ct = default) =>
        await Revisions(kind, itemId, culture).Where(r => r.Number == number)
            .Select(r => new TextRevisionContent(r.Address, new TextInput(r.Title, r.Summary, r.Body)))
            .SingleOrDefaultAsync(ct);

    /// <summary>The revisions of a text, and what changed between <paramref name="from"/> and <paramref name="to"/> (by default: what the latest save changed).</summary>
    public async Task<TextHistory> HistoryAsync(string kind, int itemId, string culture, int? from, int? to, CancellationToken ct = default)
    {
        var revisions = await RevisionsAsync(kind, itemId, culture, ct);
        to ??= revisions.FirstOrDefault()?.Number;
        from ??= revisions.Skip(1).FirstOrDefault()?.Number ?? to;
        TextRevisionContent? older = null, newer = null;
        IReadOnlyList<DiffLine> diff = [];
        if (from is { } f && to is { } t)
        {
            older = await RevisionAsync(kind, itemId, culture, Math.Min(f, t), ct);
            newer = await RevisionAsync(kind, itemId, culture, Math.Max(f, t), ct);
            if (older is not null && newer is not null) diff = LineDiff.Compare(older.Text.Body, newer.Text.Body);
        }
        return new TextHistory(culture, revisions, from, to, older, newer, diff);
    }

    private IQueryable<TextRevision> Revisions(string kind, int itemId, string culture) =>
        from r in db.TextRevisions.AsNoTracking()
        join t in db.Texts on r.TextId equals t.Id
        where t.Kind == kind && t.ItemId == itemId && t.Culture == culture
        select r;

    /// <summary>
    /// Saves an edit of the item's text in <paramref name="culture"/>, made from version <paramref name="expectedVersion"/>
    /// (0: the text did not exist yet, as for a first translation). If it was saved since, nothing is written and the
    /// caller gets the stored text to show beside the editor's.
    /// </summary>
    public Task<TextSaveResult> SaveAsync(TextItem item, string culture, int expectedVersion, TextInput input, TextChange change, Actor actor,
        TextPublication? publication = null, CancellationToken ct = default) =>
        SaveAsync(item, culture, expectedVersion, input, change, actor, publication, restoredFrom: null, ct);

    /// <summary>
    /// Makes revision <paramref name="number"/>'s text the working copy as a new revision; published texts show it at
    /// once, as a public version described by <paramref name="publication"/> (a change in meaning, with its note, or not).
    /// </summary>
    public async Task<TextSaveResult> RestoreAsync(TextItem item, string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null)
    {
        var revision = await RevisionAsync(item.Kind, item.ItemId, culture, number, ct);
        var current = await GetAsync(item.Kind, item.ItemId, culture, ct);
        if (revision is null || current is null) return new TextSaveResult.NotFound();
        return await SaveAsync(item, culture, current.Version, revision.Text, TextChange.Keep, actor, publication, restoredFrom: number, ct);
    }

    private async Task<TextSaveResult> SaveAsync(TextItem item, string culture, int expectedVersion, TextInput input, TextChange change, Actor actor,
        TextPublication? publication, int? restoredFrom, CancellationToken ct)
    {
        if (!SiteCultures.IsSupported(culture)) return new TextSaveResult.NotFound();
        return await WriteAsync(item, culture, c => StageAsync(item, culture, expectedVersion, input, change, actor, publication, restoredFrom, c), ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (a kind's change of its own fields and its text) as one write through
    /// <see cref="SiteDbContext.WriteAsync{T}"/>, which retries once when a unique index was taken meanwhile, so the
    /// work's own checks then report it. A newer save by someone else, caught by the text's version, becomes the
    /// conflict screen. Inside another write it joins it, and that write's caller handles both.
    /// </summary>
    public async Task<TextSaveResult> WriteAsync(TextItem item, string culture, Func<CancellationToken, Task<TextSaveResult>> work, CancellationToken ct = default)
    {
        var joined = db.Database.CurrentTransaction is not null;
        TextSaveResult result;
        try
        {
            result = await db.WriteAsync(work, ct);
        }
        catch (DbUpdateConcurrencyException) when (!joined)
        {
            var current = await db.Texts.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == item.Kind && t.ItemId == item.ItemId && t.Culture == culture, ct);
            return current is null ? new TextSaveResult.NotFound() : await ConflictAsync(item, current, ct);
        }
        catch (DbUpdateException e) when (!joined && e.IsUniqueViolation())
        {
            return new TextSaveResult.Taken();
        }
        catch (NotSavedException e) when (!joined)
        {
            return e.Result;
        }
        // Public pages are cached whole; any save may change what one shows (a text, an address, an order).
        if (!joined && result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return result;
    }

    /// <summary>
    /// Inside a kind's <see cref="WriteAsync"/>: saves the new item the work has added (for its id), then its English
    /// text's first version. A text refused then rolls the whole write back, the item with it.
    /// </summary>
    public async Task<TextSaveResult> AddFirstTextAsync(Func<TextItem> item, TextInput text, TextChange change, Actor actor, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var saved = await SaveAsync(item(), SiteCultures.Default, 0, text, change, actor, ct: ct);
        return saved is TextSaveResult.Saved ? saved : throw new NotSavedException(saved);
    }

    /// <summary>The text's part of a save, inside a write: checks, then stages the text, its revision and audit entries.</summary>
    private async Task<TextSaveResult> StageAsync(TextItem item, string culture, int expectedVersion, TextInput input, TextChange change, Actor actor,
        TextPublication? publication, int? restoredFrom, CancellationToken ct)
    {
        var text = await db.Texts.SingleOrDefaultAsync(t => t.Kind == item.Kind && t.ItemId == item.ItemId && t.Culture == culture, ct);
        if ((text?.Version ?? 0) != expectedVersion)
            return text is null ? new TextSaveResult.NotFound() : await ConflictAsync(item, text, ct);

        input = input.Clean();
        if (change == TextChange.DiscardDraft)
        {
            if (text is null || !text.HasDraft) return new TextSaveResult.Saved(item.ItemId, text?.Version ?? 0);
            input = new TextInput(text.PublishedTitle!, text.PublishedSummary!, text.PublishedBody!);
        }
        var errors = new Dictionary<string, string>();
        item.Rules.Check(input, errors);
        if (errors.Count > 0) return new TextSaveResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = text is null;
        text ??= db.Texts.Add(new VersionedText { Kind = item.Kind, ItemId = item.ItemId, Culture = culture, Title = input.Title }).Entity;
        var wasPublished = text.IsPublished;
        var hadDraft = text.HasDraft;
        var textChanged = isNew || text.Title != input.Title || text.Summary != input.Summary || text.Body != input.Body;
        var contentChanged = textChanged || item.ItemChange is not null || restoredFrom is not null;
        var isPublished = change switch { TextChange.Publish => true, TextChange.Unpublish => false, _ => wasPublished };
        // What readers see changes when the text goes live or away, or when a published text is updated in place.
        var goesLive = isPublished && change is TextChange.Keep or TextChange.Publish && (textChanged || hadDraft || !wasPublished);
        // A new public version: numbered, and a major one says in a line what changed (the first is just "first published").
        var publicVersion = goesLive ? (isNew ? 1 : await LatestPublicVersionAsync(text.Id, ct) + 1) : (int?)null;
        var isMajor = publicVersion > 1 && publication?.IsMajor == true;
        var changeNote = isMajor ? publication!.Note?.Trim() : null;
        if (isMajor && string.IsNullOrEmpty(changeNote)) errors["ChangeNote"] = "Say in one line what changed, for readers: a major change needs a note.";
        else if (changeNote?.Length > TextRevision.ChangeNoteMaxLength) errors["ChangeNote"] = $"The note must be at most {TextRevision.ChangeNoteMaxLength} characters.";
        if (errors.Count > 0)
        {
            // Nothing of this save is stored: not the text, nor what the kind changed of its own fields.
            db.ChangeTracker.Clear();
            return new TextSaveResult.Invalid(errors);
        }
        // A translation published again unchanged after its English original changed: the translator says it still holds,
        // so it is of the English as it is now (no new public version: readers would see nothing that changed).
        var confirmsTranslation = !goesLive && wasPublished && isPublished && change is TextChange.Keep or TextChange.Publish
            && culture != SiteCultures.Default && text.SourceVersion is { } madeFrom
            && madeFrom < (await LatestPublicVersionAsync(item.Kind, item.ItemId, SiteCultures.Default, ct) ?? 0);
        // A translation published now is of the English text as it is now, and the editor who publishes it vouches for it.
        // Before the English is first published, it is of the English to come: its first public version, so that a later
        // major change of the English is held against it like any other translation's. A restored revision vouches for
        // nothing: an old text brought back is no newer, nor more reviewed, than it was.
        if ((goesLive || confirmsTranslation) && culture != SiteCultures.Default && restoredFrom is null)
        {
            text.SourceVersion = await LatestPublicVersionAsync(item.Kind, item.ItemId, SiteCultures.Default, ct) ?? 1;
            (text.AwaitsReview, text.ReviewedAt, text.ReviewedBy) = (false, now, actor.Name);
        }
        if (!contentChanged && wasPublished == isPublished && !goesLive && !confirmsTranslation && change != TextChange.DiscardDraft)
            return new TextSaveResult.Saved(item.ItemId, text.Version);

        (text.Title, text.Summary, text.Body) = (input.Title, input.Summary, input.Body);
        text.IsPublished = isPublished;
        if (goesLive) (text.PublishedTitle, text.PublishedSummary, text.PublishedBody, text.PublishedAt) = (input.Title, input.Summary, input.Body, now);
        else if (!isPublished) (text.PublishedTitle, text.PublishedSummary, text.PublishedBody) = (null, null, null);
        text.UpdatedAt = now;
        text.Version++;

        var note = restoredFrom is { } number ? $"Restored revision {number}"
            : confirmsTranslation ? "Confirmed against the current English"
            : Note(change, isNew, culture != SiteCultures.Default, contentChanged, wasPublished, isPublished);
        text.Revisions.Add(new TextRevision
        {
            Number = await NextRevisionAsync(text, ct), Address = item.Address,
            Title = input.Title, Summary = input.Summary, Body = input.Body, IsPublished = isPublished && change != TextChange.SaveDraft,
            PublicVersion = publicVersion, IsMajor = isMajor, ChangeNote = changeNote,
            CreatedAt = now, AuthorId = actor.UserId, AuthorName = actor.Name, Note = note,
        });
        var target = item.AuditTarget(culture);
        if (restoredFrom is not null) db.Audit(clock, actor, item.Audit.Restored, target, $"revision {restoredFrom}");
        else if (isNew && culture == SiteCultures.Default) db.Audit(clock, actor, item.Audit.Created, target, isPublished ? "published" : "draft");
        else if (contentChanged) db.Audit(clock, actor, item.Audit.Edited, target, change is TextChange.SaveDraft or TextChange.DiscardDraft ? note.ToLowerInvariant() : item.ItemChange);
        if (isPublished != wasPublished && !(isNew && culture == SiteCultures.Default))
            db.Audit(clock, actor, isPublished ? item.Audit.Published : item.Audit.Unpublished, target);

        return new TextSaveResult.Saved(item.ItemId, text.Version);
    }

    /// <summary>
    /// Inside a kind's write: records a change the kind made to its own fields outside the editor (an event cancelled or
    /// postponed) as a revision of its English text, the words unchanged, noted <paramref name="note"/>. The text's
    /// version moves on with it, so an edit form opened before the change becomes the conflict screen when saved,
    /// instead of putting the old fields back.
    /// </summary>
    public async Task RecordItemChangeAsync(TextItem item, string note, Actor actor, CancellationToken ct)
    {
        var text = await db.Texts.SingleAsync(t => t.Kind == item.Kind && t.ItemId == item.ItemId && t.Culture == SiteCultures.Default, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        text.Revisions.Add(new TextRevision
        {
            Number = await NextRevisionAsync(text, ct), Address = item.Address, Title = text.Title, Summary = text.Summary, Body = text.Body,
            IsPublished = text.IsPublished && !text.HasDraft, CreatedAt = now, AuthorId = actor.UserId, AuthorName = actor.Name, Note = note,
        });
        text.UpdatedAt = now;
        text.Version++;
    }

    /// <summary>
    /// Marks a translation reviewed: readers no longer see that it awaits the movement's review. Audit logged, and the
    /// public pages evicted, once; marking it again changes nothing. False when the item has no published text in
    /// <paramref name="culture"/>.
    /// </summary>
    public async Task<bool> MarkReviewedAsync(TextItem item, string culture, Actor actor, CancellationToken ct = default)
    {
        if (!IsTranslationCulture(culture)) return false;
        var changed = await db.WriteAsync(async c =>
        {
            var text = await db.Texts.SingleOrDefaultAsync(t => t.Kind == item.Kind && t.ItemId == item.ItemId && t.Culture == culture && t.IsPublished, c);
            if (text is null) return (bool?)null;
            if (!text.AwaitsReview) return false;
            (text.AwaitsReview, text.ReviewedAt, text.ReviewedBy) = (false, clock.GetUtcNow().UtcDateTime, actor.Name);
            db.Audit(clock, actor, AuditActions.TranslationReviewed, item.AuditTarget(culture));
            return true;
        }, ct);
        if (changed == true) await cache.EvictPublicAsync(ct);
        return changed is not null;
    }

    /// <summary>Deletes every text of an item and their revisions (an FAQ entry deleted). Saved by the caller with the item.</summary>
    public async Task RemoveAllAsync(string kind, int itemId, CancellationToken ct = default)
    {
        var texts = await db.Texts.Where(t => t.Kind == kind && t.ItemId == itemId).ToListAsync(ct);
        var ids = texts.Select(t => t.Id).ToList();
        db.TextRevisions.RemoveRange(await db.TextRevisions.Where(r => ids.Contains(r.TextId)).ToListAsync(ct));
        db.Texts.RemoveRange(texts);
    }

    private static string Note(TextChange change, bool isNew, bool isTranslation, bool contentChanged, bool wasPublished, bool isPublished) =>
        (change, isNew, isTranslation) switch
        {
            (TextChange.SaveDraft, false, _) when wasPublished => "Draft saved",
            (TextChange.DiscardDraft, _, _) => "Draft discarded",
            (_, true, false) => isPublished ? "Created and published" : "Created as draft",
            (_, true, true) => isPublished ? "Translated and published" : "Translation started",
            _ => (contentChanged, wasPublished, isPublished) switch
            {
                (true, false, true) => "Edited and published",
                (true, true, false) => "Edited and unpublished",
                (false, false, true) => "Published",
                (false, true, false) => "Unpublished",
                (false, true, true) => "Published the draft",
                _ => "Edited",
            },
        };

    private async Task<int> LatestPublicVersionAsync(int textId, CancellationToken ct) =>
        textId == 0 ? 0 : await db.TextRevisions.Where(r => r.TextId == textId).MaxAsync(r => r.PublicVersion, ct) ?? 0;

    /// <summary>The latest public version of an item's text in <paramref name="culture"/>; null when it was never published.</summary>
    public async Task<int?> LatestPublicVersionAsync(string kind, int itemId, string culture, CancellationToken ct = default) =>
        await Revisions(kind, itemId, culture).MaxAsync(r => r.PublicVersion, ct);

    private async Task<int> NextRevisionAsync(VersionedText text, CancellationToken ct) =>
        text.Id == 0 ? 1 : (await db.TextRevisions.Where(r => r.TextId == text.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;

    private async Task<TextSaveResult.Conflict> ConflictAsync(TextItem item, VersionedText text, CancellationToken ct)
    {
        var latest = await db.TextRevisions.AsNoTracking().Where(r => r.TextId == text.Id).OrderByDescending(r => r.Number)
            .Select(r => new { r.AuthorName, r.Address }).FirstOrDefaultAsync(ct);
        return new TextSaveResult.Conflict(new TextInput(text.Title, text.Summary, text.Body), latest?.Address ?? item.Address, text.Version,
            text.IsPublished, latest?.AuthorName ?? "someone", text.UpdatedAt);
    }
}

/// <summary>
/// Thrown by a kind's work inside <see cref="TextEditor.WriteAsync"/> when a step after something was already written
/// (an item saved for its id) did not save: the whole write rolls back, and the caller gets <see cref="Result"/>.
/// </summary>
public sealed class NotSavedException(TextSaveResult result) : Exception("The text was not saved: " + result)
{
    public TextSaveResult Result { get; } = result;
}

/// <summary>A text's revisions and the comparison of two of them, as a history page shows them.</summary>
public sealed record TextHistory(string Culture, IReadOnlyList<TextRevisionItem> Revisions, int? From, int? To,
    TextRevisionContent? Older, TextRevisionContent? Newer, IReadOnlyList<DiffLine> BodyDiff);
