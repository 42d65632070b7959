using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

/// <summary>
/// A page as the public site shows it. Language is the language of the text: the one asked for, or "en" when there is
/// no published translation yet (IsFallback).
/// </summary>
public sealed record PublishedPage(string Slug, string Title, string Summary, string BodyHtml, DateTime UpdatedAt, string Language = "en", bool IsFallback = false)
{
    /// <summary>The latest public version, for pages that show readers how they changed.</summary>
    public PublicVersion? LastChange { get; init; }

    /// <summary>Set when this translation was made from an English text whose meaning has changed since.</summary>
    public OutdatedTranslation? Outdated { get; init; }

    /// <summary>The image at the top of the page and in its link previews, alt text in the page's language; null for none.</summary>
    public MediaPicture? LeadImage { get; init; }

    /// <summary>A seeded translation the movement has not reviewed yet: readers are told the English is authoritative.</summary>
    public bool AwaitsReview { get; init; }

    /// <summary>The languages the page is published in, English first: the others show its English text.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [SiteCultures.Default];
    /// <summary>The text's second-level headings, for its table of contents.</summary>
    public IReadOnlyList<TextHeading> Headings { get; init; } = [];

    /// <summary>A table of contents helps a reader only where there are headings to choose between.</summary>
    public bool HasTableOfContents => Headings.Count >= 2;
}

public sealed record PublishedFaqEntry(string Anchor, string Question, string AnswerHtml, string Language = "en", bool IsFallback = false)
{
    /// <summary>A seeded translation the movement has not reviewed yet.</summary>
    public bool AwaitsReview { get; init; }
}

/// <summary>A path for /sitemap.xml; <see cref="Cultures"/> names the languages it is listed in, every language when null.</summary>
public sealed record SitemapEntry(string Path, DateTime UpdatedAt, IReadOnlyList<string>? Cultures = null);

/// <summary>Reads the published content for the public site.</summary>
public sealed class ContentService(SiteDbContext db, MarkdownRenderer markdown, MediaPictures pictures)
{
    /// <summary>The slug of the page whose text introduces the movement on the home page.</summary>
    public const string HomeSlug = "home";

    /// <summary>The slug of the history page, whose sections (one per h2) read as a timeline of periods.</summary>
    public const string HistorySlug = "history";

    /// <summary>
    /// A published page with its body rendered, in <paramref name="culture"/> when it has a published translation,
    /// else in English (marked as a fallback); null when there is no published page by that slug.
    /// </summary>
    public async Task<PublishedPage?> GetPublishedPageAsync(string slug, string culture = SiteCultures.Default, CancellationToken ct = default)
    {
        var texts = await (from p in db.Pages.AsNoTracking()
                           join t in db.Texts on p.Id equals t.ItemId
                           where p.Slug == slug && p.DeletedAt == null && t.Kind == TextKinds.Page && t.IsPublished
                           select new { t.Culture, Title = t.PublishedTitle!, Summary = t.PublishedSummary!, Body = t.PublishedBody!, PublishedAt = t.PublishedAt ?? t.UpdatedAt, p.LeadImageId, t.AwaitsReview })
            .ToListAsync(ct);
        if (ForReader(texts, t => t.Culture, culture) is not (var text, var language, var isFallback)) return null;
        var images = await pictures.ForMarkdownAsync(text.Body, language, ct);
        var rendered = markdown.Render(text.Body, images, periods: slug == HistorySlug, culture: culture);
        return new PublishedPage(slug, text.Title, text.Summary, rendered.Html, text.PublishedAt, language, isFallback)
        {
            LeadImage = await pictures.GetAsync(text.LeadImageId, language, ct),
            AwaitsReview = text.AwaitsReview,
            Languages = SiteCultures.All.Where(c => texts.Any(t => t.Culture == c)).ToList(),
            Headings = rendered.Headings,
        };
    }

    /// <summary>
    /// Which of an item's published texts a reader in <paramref name="culture"/> gets: its translation when that is
    /// published, else the English original, marked as a fallback. None when the original is unpublished: the item is
    /// then not public, whatever its translations. Pages, FAQ entries and updates all choose by it.
    /// </summary>
    public static (T Text, string Language, bool IsFallback)? ForReader<T>(IEnumerable<T> texts, Func<T, string> cultureOf, string culture) where T : class
    {
        var published = texts as IReadOnlyCollection<T> ?? texts.ToList();
        if (published.FirstOrDefault(t => cultureOf(t) == SiteCultures.Default) is not { } original) return null;
        if (culture != SiteCultures.Default && published.FirstOrDefault(t => cultureOf(t) == culture) is { } translation) return (translation, culture, false);
        return (original, SiteCultures.Default, culture != SiteCultures.Default);
    }

    /// <summary>Where a deleted page's address leads now: its new address, or null for 410 Gone; no answer when no page was deleted there.</summary>
    public async Task<(bool Deleted, string? RedirectTo)> GetDeletedPageAsync(string slug, CancellationToken ct = default)
    {
        var page = await db.Pages.AsNoTracking().Where(p => p.Slug == slug && p.DeletedAt != null).Select(p => new { p.RedirectTo }).SingleOrDefaultAsync(ct);
        return page is null ? (false, null) : (true, page.RedirectTo);
    }

    /// <summary>The published FAQ entries in their order, answers rendered, each in <paramref name="culture"/> where it has a published translation.</summary>
    public async Task<IReadOnlyList<PublishedFaqEntry>> GetPublishedFaqAsync(string culture = SiteCultures.Default, CancellationToken ct = default)
    {
        var byEntry = await (from f in db.FaqEntries.AsNoTracking()
                           join t in db.Texts on f.Id equals t.ItemId
                           where t.Kind == TextKinds.Faq && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default)
                           orderby f.Position, f.Id
                           select new { f.Id, f.Anchor, t.Culture, Question = t.PublishedTitle!, Answer = t.PublishedBody!, t.AwaitsReview })
            .ToListAsync(ct);
        var entries = new List<PublishedFaqEntry>();
        // An entry shows only while its English original is published; in its translation where that is published too.
        foreach (var texts in byEntry.GroupBy(t => t.Id))
        {
            if (ForReader(texts, t => t.Culture, culture) is not (var text, var language, var isFallback)) continue;
            entries.Add(new PublishedFaqEntry(text.Anchor, text.Question, markdown.ToHtml(text.Answer, await pictures.ForMarkdownAsync(text.Answer, language, ct), culture), language, isFallback)
            {
                AwaitsReview = text.AwaitsReview,
            });
        }
        return entries;
    }

    /// <summary>
    /// The languages an item's text (a petition's, an event's, an update's) is published in, in the site's order: the
    /// languages its page names as alternates, and in which it is its own canonical address (<see cref="Pages.IPageMeta.Languages"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PublishedLanguagesAsync(SiteDbContext db, string kind, int itemId, CancellationToken ct)
    {
        var cultures = await db.Texts.AsNoTracking().Where(t => t.Kind == kind && t.ItemId == itemId && t.IsPublished).Select(t => t.Culture).ToListAsync(ct);
        return [.. SiteCultures.All.Where(cultures.Contains)];
    }

    /// <summary>
    /// The languages the FAQ is written in: English, and each language at least one of its public questions is
    /// published in (the others show every question in English).
    /// </summary>
    public async Task<IReadOnlyList<string>> GetFaqLanguagesAsync(CancellationToken ct = default)
    {
        var published = db.Texts.Where(t => t.Kind == TextKinds.Faq && t.IsPublished);
        var cultures = await published
            .Where(t => published.Any(o => o.ItemId == t.ItemId && o.Culture == SiteCultures.Default))
            .Select(t => t.Culture).Distinct().ToListAsync(ct);
        return SiteCultures.All.Where(c => c == SiteCultures.Default || cultures.Contains(c)).ToList();
    }

    /// <summary>
    /// Every published page's path, for /sitemap.xml, in English and the languages it is published in (an untranslated
    /// page's other addresses show the English and name it canonical). The home page is "/".
    /// </summary>
    public async Task<IReadOnlyList<SitemapEntry>> GetSitemapAsync(CancellationToken ct = default)
    {
        var texts = await (from p in db.Pages.AsNoTracking()
                           join t in db.Texts on p.Id equals t.ItemId
                           where t.Kind == TextKinds.Page && t.IsPublished && p.DeletedAt == null
                           select new { p.Slug, t.Culture, UpdatedAt = t.PublishedAt ?? t.UpdatedAt })
            .ToListAsync(ct);
        var faqUpdated = await db.Texts.Where(t => t.Kind == TextKinds.Faq && t.Culture == SiteCultures.Default && t.IsPublished)
            .MaxAsync(t => t.PublishedAt, ct);

        var entries = texts.GroupBy(t => t.Slug)
            .Where(page => page.Any(t => t.Culture == SiteCultures.Default))
            .Select(page => new SitemapEntry(SiteUrls.PagePath(page.Key), page.Single(t => t.Culture == SiteCultures.Default).UpdatedAt,
                SiteCultures.All.Where(c => page.Any(t => t.Culture == c)).ToList()))
            .ToList();
        if (faqUpdated is { } faq) entries.Add(new SitemapEntry("/faq", faq, await GetFaqLanguagesAsync(ct)));
        var testimonialsUpdated = await db.Testimonials.Where(t => t.Status == Testimonials.TestimonialStatus.Approved).MaxAsync(t => (DateTime?)(t.ModeratedAt ?? t.SubmittedAt), ct);
        entries.Add(new SitemapEntry("/testimonials", testimonialsUpdated ?? entries.Max(e => (DateTime?)e.UpdatedAt) ?? DateTime.UnixEpoch));
        entries.Add(new SitemapEntry("/join", entries.Min(e => (DateTime?)e.UpdatedAt) ?? DateTime.UnixEpoch));
        return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }
}
