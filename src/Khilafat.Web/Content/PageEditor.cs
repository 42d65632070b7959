using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

/// <summary>What an editor submits for a page.</summary>
public sealed record PageInput(string Slug, string Title, string Summary, string Body);

/// <summary>What a save does to the page's public state.</summary>
public enum PublishChange { Keep, Publish, Unpublish }

/// <summary>The outcome of a page save.</summary>
public abstract record PageSaveResult
{
    public sealed record Saved(int PageId, int Version) : PageSaveResult;

    public sealed record NotFound : PageSaveResult;

    /// <summary>Someone saved the page after the editor opened it; <paramref name="Current"/> is what is stored now.</summary>
    public sealed record Conflict(PageInput Current, int CurrentVersion, bool IsPublished, string LastEditor, DateTime UpdatedAt) : PageSaveResult;

    /// <summary>Field-level problems, keyed by the <see cref="PageInput"/> property name.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : PageSaveResult;
}

public sealed record PageListItem(int Id, string Slug, string Title, bool IsPublished, DateTime UpdatedAt, string LastEditor);

public sealed record PageRevisionItem(int Number, DateTime CreatedAt, string AuthorName, string Note, bool IsPublished);

/// <summary>A page as the editor opens it.</summary>
public sealed record EditablePage(int Id, PageInput Content, bool IsPublished, int Version, DateTime UpdatedAt);

/// <summary>Creates, edits, publishes and restores pages. Every save writes a revision and an audit entry and evicts the public cache.</summary>
public sealed class PageEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache)
{
    public async Task<IReadOnlyList<PageListItem>> ListAsync(CancellationToken ct = default) =>
        await db.Pages.AsNoTracking()
            .OrderBy(p => p.Title)
            .Select(p => new PageListItem(p.Id, p.Slug, p.Title, p.IsPublished, p.UpdatedAt,
                p.Revisions.Where(r => r.Culture == SiteCultures.Default).OrderByDescending(r => r.Number).Select(r => r.AuthorName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);

    public async Task<EditablePage?> GetAsync(int id, CancellationToken ct = default) =>
        await db.Pages.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new EditablePage(p.Id, new PageInput(p.Slug, p.Title, p.Summary, p.Body), p.IsPublished, p.Version, p.UpdatedAt))
            .SingleOrDefaultAsync(ct);

    /// <summary>The revisions of the page's text in <paramref name="culture"/> (its English original by default), newest first.</summary>
    public async Task<IReadOnlyList<PageRevisionItem>> RevisionsAsync(int pageId, string culture = SiteCultures.Default, CancellationToken ct = default) =>
        await db.PageRevisions.AsNoTracking().Where(r => r.PageId == pageId && r.Culture == culture)
            .OrderByDescending(r => r.Number)
            .Select(r => new PageRevisionItem(r.Number, r.CreatedAt, r.AuthorName, r.Note, r.IsPublished))
            .ToListAsync(ct);

    public async Task<PageInput?> RevisionAsync(int pageId, int number, string culture = SiteCultures.Default, CancellationToken ct = default) =>
        await db.PageRevisions.AsNoTracking().Where(r => r.PageId == pageId && r.Culture == culture && r.Number == number)
            .Select(r => new PageInput(r.Slug, r.Title, r.Summary, r.Body))
            .SingleOrDefaultAsync(ct);

    /// <summary>Checks what the database alone can tell (slug format, reserved words, uniqueness) and the lengths it does not enforce.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(PageInput input, int? pageId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Slug)) errors[nameof(input.Slug)] = "Enter a slug.";
        else if (input.Slug.Length > Page.SlugMaxLength) errors[nameof(input.Slug)] = $"The slug must be at most {Page.SlugMaxLength} characters.";
        else if (!Slugs.IsWellFormed(input.Slug)) errors[nameof(input.Slug)] = "Use lowercase letters, digits and single hyphens only (for example: our-work).";
        // A page may keep the slug it has (the seeded home page is "home"); only a new slug must avoid the site's own paths.
        else if (Slugs.Reserved.Contains(input.Slug) && !await db.Pages.AnyAsync(p => p.Id == pageId && p.Slug == input.Slug, ct))
            errors[nameof(input.Slug)] = $"\"{input.Slug}\" is used by the site itself. Choose another slug.";
        else if (await db.Pages.AnyAsync(p => p.Slug == input.Slug && p.Id != pageId, ct)) errors[nameof(input.Slug)] = "Another page already uses this slug.";

        CheckText(input, errors);
        return errors;
    }

    /// <summary>The rules for a page's title, summary and body, in any language: a translation follows them too.</summary>
    internal static void CheckText(PageInput input, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) errors[nameof(input.Title)] = "Enter a title.";
        else if (input.Title.Length > Page.TitleMaxLength) errors[nameof(input.Title)] = $"The title must be at most {Page.TitleMaxLength} characters.";
        if (input.Summary.Length > Page.SummaryMaxLength) errors[nameof(input.Summary)] = $"The summary must be at most {Page.SummaryMaxLength} characters.";
        if (input.Body.Length > Page.BodyMaxLength) errors[nameof(input.Body)] = $"The body must be at most {Page.BodyMaxLength:N0} characters.";
    }

    /// <summary>Creates a page (draft unless <paramref name="publish"/>) with its first revision.</summary>
    public async Task<PageSaveResult> CreateAsync(PageInput input, bool publish, Actor actor, CancellationToken ct = default)
    {
        input = Clean(input);
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return new PageSaveResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var page = new Page
        {
            Slug = input.Slug, Title = input.Title, Summary = input.Summary, Body = input.Body,
            IsPublished = publish, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        page.Revisions.Add(Revision(page, 1, actor, now, publish ? "Created and published" : "Created as draft"));
        db.Pages.Add(page);
        db.Audit(clock, actor, AuditActions.PageCreated, Target(page), publish ? "published" : "draft");
        if (!await TrySaveAsync(ct)) return SlugTaken;
        if (publish) await cache.EvictPublicAsync(ct);
        return new PageSaveResult.Saved(page.Id, page.Version);
    }

    /// <summary>
    /// Saves an edit made to version <paramref name="expectedVersion"/>. If the page has been saved since, nothing is
    /// written and the caller gets the stored version to show beside the editor's.
    /// </summary>
    public async Task<PageSaveResult> UpdateAsync(int pageId, int expectedVersion, PageInput input, PublishChange change, Actor actor, CancellationToken ct = default)
    {
        input = Clean(input);
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == pageId, ct);
        if (page is null) return new PageSaveResult.NotFound();
        if (page.Version != expectedVersion) return await ConflictAsync(page, ct);

        var errors = await ValidateAsync(input, pageId, ct);
        if (errors.Count > 0) return new PageSaveResult.Invalid(errors);

        var contentChanged = page.Slug != input.Slug || page.Title != input.Title || page.Summary != input.Summary || page.Body != input.Body;
        var wasPublished = page.IsPublished;
        var isPublished = change switch { PublishChange.Publish => true, PublishChange.Unpublish => false, _ => wasPublished };
        if (!contentChanged && wasPublished == isPublished) return new PageSaveResult.Saved(page.Id, page.Version);

        var now = clock.GetUtcNow().UtcDateTime;
        var oldSlug = page.Slug;
        (page.Slug, page.Title, page.Summary, page.Body) = (input.Slug, input.Title, input.Summary, input.Body);
        page.IsPublished = isPublished;
        page.UpdatedAt = now;
        page.Version++;

        var note = (contentChanged, wasPublished, isPublished) switch
        {
            (true, false, true) => "Edited and published",
            (true, true, false) => "Edited and unpublished",
            (false, false, true) => "Published",
            (false, true, false) => "Unpublished",
            _ => "Edited",
        };
        await AddRevisionAsync(page, actor, now, note, ct);
        if (contentChanged) db.Audit(clock, actor, AuditActions.PageEdited, Target(page), oldSlug != page.Slug ? $"slug changed from {oldSlug}" : null);
        if (isPublished != wasPublished) db.Audit(clock, actor, isPublished ? AuditActions.PagePublished : AuditActions.PageUnpublished, Target(page));

        if (await SaveEditAsync(pageId, ct) is { } problem) return problem;
        if (wasPublished || isPublished) await cache.EvictPublicAsync(ct);
        return new PageSaveResult.Saved(page.Id, page.Version);
    }

    /// <summary>Makes revision <paramref name="number"/>'s text the page's current text, as a new revision. The public state stays as it is.</summary>
    public async Task<PageSaveResult> RestoreAsync(int pageId, int number, Actor actor, CancellationToken ct = default)
    {
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == pageId, ct);
        var revision = await db.PageRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.PageId == pageId && r.Culture == SiteCultures.Default && r.Number == number, ct);
        if (page is null || revision is null) return new PageSaveResult.NotFound();

        var input = new PageInput(revision.Slug, revision.Title, revision.Summary, revision.Body);
        var errors = await ValidateAsync(input, pageId, ct);
        if (errors.Count > 0) return new PageSaveResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        (page.Slug, page.Title, page.Summary, page.Body) = (input.Slug, input.Title, input.Summary, input.Body);
        page.UpdatedAt = now;
        page.Version++;
        await AddRevisionAsync(page, actor, now, $"Restored revision {number}", ct);
        db.Audit(clock, actor, AuditActions.PageRestored, Target(page), $"revision {number}");
        if (await SaveEditAsync(pageId, ct) is { } problem) return problem;
        if (page.IsPublished) await cache.EvictPublicAsync(ct);
        return new PageSaveResult.Saved(page.Id, page.Version);
    }

    private async Task AddRevisionAsync(Page page, Actor actor, DateTime now, string note, CancellationToken ct)
    {
        var last = await db.PageRevisions.Where(r => r.PageId == page.Id && r.Culture == SiteCultures.Default).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        db.PageRevisions.Add(Revision(page, last + 1, actor, now, note));
    }

    private async Task<PageSaveResult.Conflict> ConflictAsync(Page page, CancellationToken ct)
    {
        var lastEditor = await db.PageRevisions.Where(r => r.PageId == page.Id && r.Culture == SiteCultures.Default).OrderByDescending(r => r.Number)
            .Select(r => r.AuthorName).FirstOrDefaultAsync(ct) ?? "someone";
        return new PageSaveResult.Conflict(new PageInput(page.Slug, page.Title, page.Summary, page.Body), page.Version, page.IsPublished, lastEditor, page.UpdatedAt);
    }

    private static PageSaveResult.Invalid SlugTaken => new(new Dictionary<string, string> { [nameof(PageInput.Slug)] = "Another page already uses this slug." });

    /// <summary>
    /// Saves an edit of an existing page: null when saved, else what stopped it (the slug taken meanwhile, or a newer
    /// save by someone else, caught by the page's version).
    /// </summary>
    private async Task<PageSaveResult?> SaveEditAsync(int pageId, CancellationToken ct)
    {
        try
        {
            return await TrySaveAsync(ct) ? null : SlugTaken;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Pages.SingleOrDefaultAsync(p => p.Id == pageId, ct);
            return current is null ? new PageSaveResult.NotFound() : await ConflictAsync(current, ct);
        }
    }

    /// <summary>Saves; false when the slug's unique index refused it (another save took the slug meanwhile).</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static PageRevision Revision(Page page, int number, Actor actor, DateTime now, string note) => new()
    {
        PageId = page.Id, Number = number, Slug = page.Slug, Title = page.Title, Summary = page.Summary, Body = page.Body,
        IsPublished = page.IsPublished, CreatedAt = now, AuthorId = actor.UserId, AuthorName = actor.Name, Note = note,
    };

    private static string Target(Page page) => "page:" + page.Slug;

    // Line endings from browsers are CRLF; store LF so diffs and revisions compare what an editor sees.
    private static PageInput Clean(PageInput input) => new(
        (input.Slug ?? "").Trim(), (input.Title ?? "").Trim(), (input.Summary ?? "").Trim(),
        (input.Body ?? "").Replace("\r\n", "\n").TrimEnd());
}
