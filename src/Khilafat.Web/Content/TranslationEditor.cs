using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

/// <summary>A page's translation as the editor opens it, beside its English original.</summary>
public sealed record PageTranslationView(int PageId, string Culture, PageInput Original, bool OriginalIsPublished, PageInput? Translation, bool IsPublished, int Version, DateTime? UpdatedAt);

/// <summary>
/// Translations of pages and FAQ entries into the site's other languages. A page's translation has its own draft or
/// published state and its own revisions; until one is published, the page shows in English with a notice.
/// </summary>
public sealed class TranslationEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache)
{
    public static bool IsTranslationCulture(string culture) => SiteCultures.IsSupported(culture) && culture != SiteCultures.Default;

    public async Task<PageTranslationView?> GetPageAsync(int pageId, string culture, CancellationToken ct = default)
    {
        if (!IsTranslationCulture(culture)) return null;
        var page = await db.Pages.AsNoTracking().Where(p => p.Id == pageId)
            .Select(p => new { p.Slug, p.Title, p.Summary, p.Body, p.IsPublished, Translation = p.Translations.FirstOrDefault(t => t.Culture == culture) })
            .SingleOrDefaultAsync(ct);
        if (page is null) return null;
        var t = page.Translation;
        return new PageTranslationView(pageId, culture, new PageInput(page.Slug, page.Title, page.Summary, page.Body), page.IsPublished,
            t is null ? null : new PageInput(page.Slug, t.Title, t.Summary, t.Body), t?.IsPublished ?? false, t?.Version ?? 0, t?.UpdatedAt);
    }

    /// <summary>Each page's translation state per language, for the pages list.</summary>
    public async Task<ILookup<int, (string Culture, bool IsPublished)>> PageStatesAsync(CancellationToken ct = default) =>
        (await db.PageTranslations.AsNoTracking().Select(t => new { t.PageId, t.Culture, t.IsPublished }).ToListAsync(ct))
            .ToLookup(t => t.PageId, t => (t.Culture, t.IsPublished));

    /// <summary>
    /// Saves a translation edited from version <paramref name="expectedVersion"/> (0: there was none yet). A newer save
    /// by someone else is reported as a conflict, never overwritten.
    /// </summary>
    public async Task<PageSaveResult> SavePageAsync(int pageId, string culture, int expectedVersion, PageInput input, PublishChange change, Actor actor, CancellationToken ct = default)
    {
        if (!IsTranslationCulture(culture)) return new PageSaveResult.NotFound();
        var page = await db.Pages.Include(p => p.Translations.Where(t => t.Culture == culture)).SingleOrDefaultAsync(p => p.Id == pageId, ct);
        if (page is null) return new PageSaveResult.NotFound();
        var translation = page.Translations.SingleOrDefault();
        if ((translation?.Version ?? 0) != expectedVersion)
            return translation is null ? new PageSaveResult.NotFound() : await ConflictAsync(page, translation, ct);

        input = new PageInput(page.Slug, (input.Title ?? "").Trim(), (input.Summary ?? "").Trim(), (input.Body ?? "").Replace("\r\n", "\n").TrimEnd());
        var errors = new Dictionary<string, string>();
        PageEditor.CheckText(input, errors);
        if (errors.Count > 0) return new PageSaveResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var wasPublished = translation?.IsPublished ?? false;
        if (translation is null)
        {
            translation = new PageTranslation { PageId = pageId, Culture = culture, Title = input.Title };
            page.Translations.Add(translation);
        }
        var contentChanged = translation.Version == 0 || translation.Title != input.Title || translation.Summary != input.Summary || translation.Body != input.Body;
        var isPublished = change switch { PublishChange.Publish => true, PublishChange.Unpublish => false, _ => wasPublished };
        if (!contentChanged && wasPublished == isPublished) return new PageSaveResult.Saved(pageId, translation.Version);

        (translation.Title, translation.Summary, translation.Body, translation.IsPublished) = (input.Title, input.Summary, input.Body, isPublished);
        translation.UpdatedAt = now;
        translation.Version++;
        var number = (await db.PageRevisions.Where(r => r.PageId == pageId && r.Culture == culture).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        db.PageRevisions.Add(new PageRevision
        {
            PageId = pageId, Culture = culture, Number = number, Slug = page.Slug, Title = input.Title, Summary = input.Summary, Body = input.Body,
            IsPublished = isPublished, CreatedAt = now, AuthorId = actor.UserId, AuthorName = actor.Name,
            Note = (contentChanged, wasPublished, isPublished) switch
            {
                (true, false, true) => "Translated and published",
                (true, _, false) when wasPublished => "Edited and unpublished",
                (false, false, true) => "Published",
                (false, true, false) => "Unpublished",
                _ => number == 1 ? "Translation started" : "Edited",
            },
        });
        var target = $"page:{page.Slug}:{culture}";
        if (contentChanged) db.Audit(clock, actor, AuditActions.PageEdited, target);
        if (isPublished != wasPublished) db.Audit(clock, actor, isPublished ? AuditActions.PagePublished : AuditActions.PageUnpublished, target);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PageTranslations.AsNoTracking().SingleOrDefaultAsync(t => t.PageId == pageId && t.Culture == culture, ct);
            return current is null ? new PageSaveResult.NotFound() : await ConflictAsync(page, current, ct);
        }
        catch (DbUpdateException)
        {
            // Two first saves of the same translation at once: the unique index took one; the other is a conflict.
            db.ChangeTracker.Clear();
            var current = await db.PageTranslations.AsNoTracking().SingleOrDefaultAsync(t => t.PageId == pageId && t.Culture == culture, ct);
            if (current is null) throw;
            return await ConflictAsync(page, current, ct);
        }
        if (isPublished || wasPublished) await cache.EvictPublicAsync(ct);
        return new PageSaveResult.Saved(pageId, translation.Version);
    }

    /// <summary>Makes revision <paramref name="number"/> of the translation its current text, as a new revision.</summary>
    public async Task<PageSaveResult> RestorePageAsync(int pageId, string culture, int number, Actor actor, CancellationToken ct = default)
    {
        var revision = await db.PageRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.PageId == pageId && r.Culture == culture && r.Number == number, ct);
        var current = await db.PageTranslations.AsNoTracking().SingleOrDefaultAsync(t => t.PageId == pageId && t.Culture == culture, ct);
        if (revision is null || current is null) return new PageSaveResult.NotFound();
        db.Audit(clock, actor, AuditActions.PageRestored, $"page:{revision.Slug}:{culture}", $"revision {number}");
        return await SavePageAsync(pageId, culture, current.Version, new PageInput(revision.Slug, revision.Title, revision.Summary, revision.Body), PublishChange.Keep, actor, ct);
    }

    private async Task<PageSaveResult.Conflict> ConflictAsync(Page page, PageTranslation current, CancellationToken ct)
    {
        var lastEditor = await db.PageRevisions.Where(r => r.PageId == page.Id && r.Culture == current.Culture).OrderByDescending(r => r.Number)
            .Select(r => r.AuthorName).FirstOrDefaultAsync(ct) ?? "someone";
        return new PageSaveResult.Conflict(new PageInput(page.Slug, current.Title, current.Summary, current.Body), current.Version, current.IsPublished, lastEditor, current.UpdatedAt);
    }

    public async Task<(FaqInput Original, FaqTranslation? Translation)?> GetFaqAsync(int entryId, string culture, CancellationToken ct = default)
    {
        if (!IsTranslationCulture(culture)) return null;
        var entry = await db.FaqEntries.AsNoTracking().Include(f => f.Translations.Where(t => t.Culture == culture)).SingleOrDefaultAsync(f => f.Id == entryId, ct);
        return entry is null ? null : (new FaqInput(entry.Question, entry.Answer, entry.Anchor, entry.IsPublished), entry.Translations.SingleOrDefault());
    }

    /// <summary>Saves an FAQ entry's translation; field problems keyed by "Question" and "Answer".</summary>
    public async Task<(bool Found, Dictionary<string, string> Errors)> SaveFaqAsync(int entryId, string culture, string question, string answer, bool publish, Actor actor, CancellationToken ct = default)
    {
        if (!IsTranslationCulture(culture)) return (false, []);
        var entry = await db.FaqEntries.Include(f => f.Translations.Where(t => t.Culture == culture)).SingleOrDefaultAsync(f => f.Id == entryId, ct);
        if (entry is null) return (false, []);
        question = (question ?? "").Trim();
        answer = (answer ?? "").Replace("\r\n", "\n").Trim();
        var errors = new Dictionary<string, string>();
        if (question.Length == 0) errors["Question"] = "Enter the question.";
        else if (question.Length > FaqEntry.QuestionMaxLength) errors["Question"] = $"The question must be at most {FaqEntry.QuestionMaxLength} characters.";
        if (answer.Length == 0) errors["Answer"] = "Enter the answer.";
        else if (answer.Length > FaqEntry.AnswerMaxLength) errors["Answer"] = $"The answer must be at most {FaqEntry.AnswerMaxLength:N0} characters.";
        if (errors.Count > 0) return (true, errors);

        var translation = entry.Translations.SingleOrDefault();
        var wasPublished = translation?.IsPublished ?? false;
        if (translation is null)
        {
            translation = new FaqTranslation { FaqEntryId = entryId, Culture = culture, Question = question, Answer = answer };
            entry.Translations.Add(translation);
        }
        (translation.Question, translation.Answer, translation.IsPublished) = (question, answer, publish);
        translation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var target = $"faq:{entry.Anchor}:{culture}";
        db.Audit(clock, actor, AuditActions.FaqEdited, target);
        if (publish != wasPublished) db.Audit(clock, actor, publish ? AuditActions.FaqPublished : AuditActions.FaqUnpublished, target);
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicAsync(ct);
        return (true, errors);
    }
}
