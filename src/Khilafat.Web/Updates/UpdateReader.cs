using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Updates;

/// <summary>
/// An update as readers get it, in their language where it is translated (else English, <see cref="IsFallback"/>).
/// <see cref="Date"/> is when it was first published; <see cref="UpdatedAt"/> when the text readers see last changed.
/// </summary>
public sealed record PublishedUpdate(int Id, string Slug, string Title, string Summary, string BodyHtml, DateTime Date, DateTime UpdatedAt,
    string Language = SiteCultures.Default, bool IsFallback = false)
{
    public string Path => UpdateReader.UpdatePath(Slug);

    /// <summary>The image at the top of the update and in its link previews (read with the body only); null for none.</summary>
    public MediaPicture? LeadImage { get; init; }

    /// <summary>The languages its text is published in (see <see cref="Content.ContentService.PublishedLanguagesAsync"/>); set for one read by its address.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [SiteCultures.Default];
}

public sealed record UpdatePage(IReadOnlyList<PublishedUpdate> Items, int Page, int PageCount);

/// <summary>
/// Reads the updates readers see: published, shown on the site (not email-only), not deleted, the newest first by
/// their first publication, each in the reader's language by the rule every text follows (<see cref="ContentService.ForReader"/>).
/// </summary>
public sealed class UpdateReader(SiteDbContext db, MarkdownRenderer markdown, MediaPictures pictures)
{
    public const string ListPath = "/updates";
    public const string FeedPath = "/updates/feed.atom";
    public const int PageSize = 10;

    /// <summary>"/updates/winter-relief".</summary>
    public static string UpdatePath(string slug) => $"{ListPath}/{slug}";

    private IQueryable<Update> Visible =>
        db.Updates.AsNoTracking().Where(u => u.ShowOnSite && u.DeletedAt == null && u.FirstPublishedAt != null
            && db.Texts.Any(t => t.Kind == TextKinds.Update && t.ItemId == u.Id && t.Culture == SiteCultures.Default && t.IsPublished));

    private static IOrderedQueryable<Update> Newest(IQueryable<Update> updates) =>
        updates.OrderByDescending(u => u.FirstPublishedAt).ThenByDescending(u => u.Id);

    /// <summary>Page <paramref name="page"/> of the list (clamped to the pages there are).</summary>
    public async Task<UpdatePage> PageAsync(string culture, int page, CancellationToken ct = default)
    {
        var total = await Visible.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await InLanguageAsync(Newest(Visible).Skip((page - 1) * PageSize).Take(PageSize), culture, withBody: false, ct);
        return new UpdatePage(items, page, pageCount);
    }

    /// <summary>The <paramref name="count"/> latest updates, for the home page (no bodies) or the feed (with them).</summary>
    public Task<IReadOnlyList<PublishedUpdate>> LatestAsync(string culture, int count, bool withBody = false, CancellationToken ct = default) =>
        InLanguageAsync(Newest(Visible).Take(count), culture, withBody, ct);

    /// <summary>One update by its address, body rendered; null when readers may not see it.</summary>
    public async Task<PublishedUpdate?> GetAsync(string slug, string culture, CancellationToken ct = default) =>
        (await InLanguageAsync(Visible.Where(u => u.Slug == slug), culture, withBody: true, ct)).SingleOrDefault() is { } update
            ? update with { Languages = await ContentService.PublishedLanguagesAsync(db, TextKinds.Update, update.Id, ct) }
            : null;

    /// <summary>Whether the address was a published update's that an editor deleted since (it answers 410 Gone).</summary>
    public Task<bool> IsGoneAsync(string slug, CancellationToken ct = default) =>
        db.Updates.AnyAsync(u => u.Slug == slug && u.DeletedAt != null && u.ShowOnSite && u.FirstPublishedAt != null, ct);

    /// <summary>The list and every update, for /sitemap.xml: each in English and in the languages it is translated into and published in.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> SitemapAsync(CancellationToken ct = default)
    {
        var updates = await Visible.Select(u => new { u.Id, u.Slug }).ToListAsync(ct);
        var ids = updates.Select(u => u.Id).ToList();
        var texts = await db.Texts.AsNoTracking().Where(t => t.Kind == TextKinds.Update && ids.Contains(t.ItemId) && t.IsPublished)
            .Select(t => new { t.ItemId, t.Culture, UpdatedAt = t.PublishedAt ?? t.UpdatedAt }).ToListAsync(ct);
        var byUpdate = texts.ToLookup(t => t.ItemId);
        var entries = updates.Select(u => new SitemapEntry(UpdatePath(u.Slug), byUpdate[u.Id].Max(t => t.UpdatedAt),
            SiteCultures.All.Where(c => byUpdate[u.Id].Any(t => t.Culture == c)).ToList())).ToList();
        if (entries.Count > 0) entries.Add(new SitemapEntry(ListPath, entries.Max(e => e.UpdatedAt)));
        return entries;
    }

    /// <summary>The updates <paramref name="query"/> picks, in its order, each in <paramref name="culture"/> where it is translated.</summary>
    private async Task<IReadOnlyList<PublishedUpdate>> InLanguageAsync(IQueryable<Update> query, string culture, bool withBody, CancellationToken ct)
    {
        var updates = await query.Select(u => new { u.Id, u.Slug, Date = u.FirstPublishedAt!.Value, u.LeadImageId }).ToListAsync(ct);
        var ids = updates.Select(u => u.Id).ToList();
        var texts = (await db.Texts.AsNoTracking()
                .Where(t => t.Kind == TextKinds.Update && ids.Contains(t.ItemId) && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default))
                .Select(t => new { t.ItemId, t.Culture, Title = t.PublishedTitle!, Summary = t.PublishedSummary!, Body = withBody ? t.PublishedBody! : "", PublishedAt = t.PublishedAt ?? t.UpdatedAt })
                .ToListAsync(ct))
            .ToLookup(t => t.ItemId);
        var result = new List<PublishedUpdate>(updates.Count);
        foreach (var update in updates)
        {
            if (ContentService.ForReader(texts[update.Id], t => t.Culture, culture) is not (var text, var language, var isFallback)) continue;
            var bodyHtml = withBody ? markdown.ToHtml(text.Body, await pictures.ForMarkdownAsync(text.Body, language, ct), culture) : "";
            result.Add(new PublishedUpdate(update.Id, update.Slug, text.Title, text.Summary, bodyHtml, update.Date, text.PublishedAt, language, isFallback)
            {
                LeadImage = withBody ? await pictures.GetAsync(update.LeadImageId, language, ct) : null,
            });
        }
        return result;
    }
}
