using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

public sealed record PageListItem(int Id, string Slug, string Title, bool IsPublished, bool HasDraft, DateTime UpdatedAt, string LastEditor);

/// <summary>A page as the editor opens it: its address and its English text.</summary>
public sealed record EditablePage(int Id, string Slug, bool HasPublicHistory, TextView Text)
{
    public string PublicPath => SiteUrls.PagePath(Slug);

    public int? LeadImageId { get; init; }
}

/// <summary>
/// A page's own part: its address (slug), creation and deletion. Its texts, English and translated, are saved through
/// <see cref="TextEditor"/> like every other kind's.
/// </summary>
public sealed class PageEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, TextEditor texts)
{
    /// <summary>The pages the site itself is built around: they cannot be deleted.</summary>
    public static readonly IReadOnlySet<string> Permanent = new HashSet<string>(["home", "statement", "history", Privacy.PrivacyNotice.Slug], StringComparer.Ordinal);

    public async Task<IReadOnlyList<PageListItem>> ListAsync(CancellationToken ct = default) =>
        await (from p in db.Pages.AsNoTracking()
               join t in db.Texts on new { Kind = TextKinds.Page, ItemId = p.Id, Culture = SiteCultures.Default } equals new { t.Kind, t.ItemId, t.Culture }
               where p.DeletedAt == null
               orderby t.Title
               select new PageListItem(p.Id, p.Slug, t.Title, t.IsPublished,
                   t.IsPublished && (t.Title != t.PublishedTitle || t.Summary != t.PublishedSummary || t.Body != t.PublishedBody),
                   t.UpdatedAt, t.Revisions.OrderByDescending(r => r.Number).Select(r => r.AuthorName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);

    /// <summary>A page that is not deleted, with its English text.</summary>
    public async Task<EditablePage?> GetAsync(int id, CancellationToken ct = default)
    {
        var page = await db.Pages.AsNoTracking().Where(p => p.Id == id && p.DeletedAt == null).Select(p => new { p.Slug, p.HasPublicHistory, p.LeadImageId }).SingleOrDefaultAsync(ct);
        if (page is null) return null;
        var text = await texts.GetAsync(TextKinds.Page, id, SiteCultures.Default, ct);
        return text is null ? null : new EditablePage(id, page.Slug, page.HasPublicHistory, text) { LeadImageId = page.LeadImageId };
    }

    /// <summary>Checks the slug (format, reserved words, uniqueness) and the text's rules; field problems keyed by the form's names.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(string slug, TextInput text, int? pageId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(slug)) errors["Slug"] = "Enter a slug.";
        else if (slug.Length > Page.SlugMaxLength) errors["Slug"] = $"The slug must be at most {Page.SlugMaxLength} characters.";
        else if (!Slugs.IsWellFormed(slug)) errors["Slug"] = "Use lowercase letters, digits and single hyphens only (for example: our-work).";
        // A page may keep the slug it has (the seeded home page is "home"); only a new slug must avoid the site's own paths.
        else if (Slugs.Reserved.Contains(slug) && !await db.Pages.AnyAsync(p => p.Id == pageId && p.Slug == slug, ct))
            errors["Slug"] = $"\"{slug}\" is used by the site itself. Choose another slug.";
        else if (await db.Pages.AnyAsync(p => p.Slug == slug && p.Id != pageId && p.DeletedAt == null, ct)) errors["Slug"] = SlugTakenMessage;

        TextRules.Page.Check(text.Clean(), errors);
        return errors;
    }

    private const string SlugTakenMessage = "Another page already uses this slug.";

    /// <summary>Creates a page (a draft unless <paramref name="publish"/>) with its English text's first revision.</summary>
    public async Task<TextSaveResult> CreateAsync(string slug, TextInput text, bool publish, Actor actor, bool hasPublicHistory = false, CancellationToken ct = default)
    {
        slug = (slug ?? "").Trim();
        var result = await texts.WriteAsync(TextItem.Page(0, slug), SiteCultures.Default, async c =>
        {
            // Checked inside the write: when another save took the slug meanwhile, the write's retry says so here.
            var errors = await ValidateAsync(slug, text, null, c);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);
            var now = clock.GetUtcNow().UtcDateTime;
            await FreeSlugOfDeletedPageAsync(slug, c);
            var page = db.Pages.Add(new Page { Slug = slug, CreatedAt = now, UpdatedAt = now, HasPublicHistory = hasPublicHistory }).Entity;
            return await texts.AddFirstTextAsync(() => TextItem.Page(page), text, publish ? TextChange.Publish : TextChange.Keep, actor, c);
        }, ct);
        if (result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return result is TextSaveResult.Taken ? SlugTaken : result;
    }

    /// <summary>
    /// Saves an edit of the page's address and English text made from version <paramref name="expectedVersion"/>. If
    /// the page has been saved since, nothing is written and the caller gets the stored version to show beside the editor's.
    /// </summary>
    public async Task<TextSaveResult> UpdateAsync(int pageId, int expectedVersion, string slug, TextInput text, TextChange change, Actor actor,
        TextPublication? publication = null, bool? hasPublicHistory = null, CancellationToken ct = default, LeadImageChoice? leadImage = null)
    {
        slug = (slug ?? "").Trim();
        var result = await texts.WriteAsync(TextItem.Page(pageId, slug), SiteCultures.Default, async c =>
        {
            var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == pageId && p.DeletedAt == null, c);
            if (page is null) return new TextSaveResult.NotFound();
            var stored = await texts.GetAsync(TextKinds.Page, pageId, SiteCultures.Default, c);
            // A stale edit is a conflict before anything else, so its author sees what changed rather than a slug error.
            if (stored is not null && stored.Version != expectedVersion)
                return await texts.SaveAsync(TextItem.Page(page), SiteCultures.Default, expectedVersion, text, change, actor, ct: c);
            // The site links to these from every page (the privacy notice from every form's consent): they stay public.
            if (change == TextChange.Unpublish && Permanent.Contains(page.Slug))
                return new TextSaveResult.Invalid(new Dictionary<string, string> { [""] = "This page stays published: the site links to it from every page. Save a draft to work on it." });
            if (change != TextChange.DiscardDraft)
            {
                var errors = await ValidateAsync(slug, text, pageId, c);
                await db.CheckLeadImageAsync(leadImage, errors, c);
                if (errors.Count > 0) return new TextSaveResult.Invalid(errors);
            }

            var oldSlug = page.Slug;
            var slugChanged = change != TextChange.DiscardDraft && slug != oldSlug;
            if (slugChanged)
            {
                page.Slug = slug;
                page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                await FreeSlugOfDeletedPageAsync(slug, c);
            }
            var historyChanged = change != TextChange.DiscardDraft && hasPublicHistory is { } shown && shown != page.HasPublicHistory;
            if (historyChanged) page.HasPublicHistory = hasPublicHistory!.Value;
            // The lead image is the page's, not its text's: it changes for readers with the save, draft or not.
            var leadImageChange = change == TextChange.DiscardDraft ? null : LeadImages.Apply(leadImage, page.LeadImageId, id => page.LeadImageId = id);
            var itemChange = string.Join("; ", new[]
            {
                slugChanged ? $"slug changed from {oldSlug}" : null,
                historyChanged ? (page.HasPublicHistory ? "changes shown to readers" : "changes no longer shown to readers") : null,
                leadImageChange,
            }.OfType<string>());
            var item = TextItem.Page(page) with { ItemChange = itemChange.Length > 0 ? itemChange : null };
            return await texts.SaveAsync(item, SiteCultures.Default, expectedVersion, text, change, actor, publication, c);
        }, ct);
        if (result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return result is TextSaveResult.Taken ? SlugTaken : result;
    }

    /// <summary>Makes revision <paramref name="number"/> of the page's text in <paramref name="culture"/> current again, its address too for the original.</summary>
    public async Task<TextSaveResult> RestoreAsync(int pageId, string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null)
    {
        var result = await texts.WriteAsync(TextItem.Page(pageId, ""), culture, async c =>
        {
            var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == pageId && p.DeletedAt == null, c);
            var revision = await texts.RevisionAsync(TextKinds.Page, pageId, culture, number, c);
            if (page is null || revision is null) return new TextSaveResult.NotFound();
            if (culture == SiteCultures.Default && revision.Address != page.Slug)
            {
                var errors = await ValidateAsync(revision.Address, revision.Text, pageId, c);
                if (errors.Count > 0) return new TextSaveResult.Invalid(errors);
                page.Slug = revision.Address;
                page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }
            return await texts.RestoreAsync(TextItem.Page(page), culture, number, actor, c, publication);
        }, ct);
        if (result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return result is TextSaveResult.Taken ? SlugTaken : result;
    }

    /// <summary>
    /// Deletes a page that is not one of the site's own: readers of its address get 410 Gone, or a permanent redirect
    /// to <paramref name="redirectTo"/>. Its texts and revisions stay for the audit.
    /// </summary>
    public async Task<DeleteResult> DeleteAsync(int pageId, string? redirectTo, Actor actor, CancellationToken ct = default)
    {
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Id == pageId && p.DeletedAt == null, ct);
        if (page is null) return DeleteResult.NotFound;
        if (Permanent.Contains(page.Slug)) return DeleteResult.Permanent;
        redirectTo = string.IsNullOrWhiteSpace(redirectTo) ? null : redirectTo.Trim();
        if (redirectTo is not null && !IsLocalAddress(redirectTo)) return DeleteResult.BadRedirect;
        // Its own address, in any language, would send readers round in a loop (and browsers keep a permanent redirect);
        // so would another deleted page's address that leads back here.
        if (redirectTo is not null && await LoopsBackAsync(redirectTo, page.Slug, ct)) return DeleteResult.RedirectsToItself;

        await db.WriteAsync(async c =>
        {
            page.DeletedAt = page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            page.RedirectTo = redirectTo;
            var published = await db.Texts.Where(t => t.Kind == TextKinds.Page && t.ItemId == pageId && t.IsPublished).ToListAsync(c);
            foreach (var text in published)
            {
                (text.IsPublished, text.PublishedTitle, text.PublishedSummary, text.PublishedBody) = (false, null, null, null);
                text.Version++;
            }
            db.Audit(clock, actor, AuditActions.PageDeleted, AuditTargets.Page(page.Slug), redirectTo is null ? "410 Gone" : "redirects to " + redirectTo);
        }, ct);
        await cache.EvictPublicAsync(ct);
        return DeleteResult.Deleted;
    }

    public enum DeleteResult { Deleted, NotFound, Permanent, BadRedirect, RedirectsToItself }

    /// <summary>Whether <paramref name="redirectTo"/> leads to <paramref name="slug"/>'s page, at once or through deleted pages' redirects.</summary>
    private async Task<bool> LoopsBackAsync(string redirectTo, string slug, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (string? next = redirectTo; next is not null; )
        {
            if (LeadsBackTo(next, slug)) return true;
            var path = next.Split('?', '#')[0].Trim('/');
            var culture = SiteCultures.All.FirstOrDefault(c => c != SiteCultures.Default && path.StartsWith(c + "/", StringComparison.OrdinalIgnoreCase));
            var target = culture is null ? path : path[(culture.Length + 1)..];
            if (target.Length == 0 || target.Contains('/') || !seen.Add(target) || seen.Count > 20) return false;
            next = await db.Pages.Where(p => p.Slug == target.ToLowerInvariant() && p.DeletedAt != null).Select(p => p.RedirectTo).FirstOrDefaultAsync(ct);
        }
        return false;
    }

    private static bool LeadsBackTo(string redirectTo, string slug)
    {
        var path = redirectTo.Split('?', '#')[0].TrimEnd('/');
        return SiteCultures.All.Any(c => string.Equals(path, SiteCultures.PathFor(c, "/" + slug), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An address on this site: "/something", never "//host" or "/\host", which browsers read as another site.</summary>
    public static bool IsLocalAddress(string address) =>
        address.Length <= 500 && SiteUrls.IsOnThisSite(address) && !address.Any(char.IsWhiteSpace);

    /// <summary>A new page may take the address of a deleted one: the deleted page lets it go (its address stops answering 410).</summary>
    private async Task FreeSlugOfDeletedPageAsync(string slug, CancellationToken ct)
    {
        var deleted = await db.Pages.SingleOrDefaultAsync(p => p.Slug == slug && p.DeletedAt != null, ct);
        // Not a well-formed slug, so no editor can ever choose it.
        if (deleted is not null) deleted.Slug = $"~deleted-{deleted.Id}";
    }

    private static TextSaveResult.Invalid SlugTaken => new(new Dictionary<string, string> { ["Slug"] = SlugTakenMessage });
}
