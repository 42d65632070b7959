using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

/// <summary>
/// A page as the public site shows it. Language is the language of the text: the one asked for, or "en" when there is
/// no published translation yet (IsFallback).
/// </summary>
public sealed record PublishedPage(string Slug, string Title, string Summary, string BodyHtml, DateTime UpdatedAt, string Language = "en", bool IsFallback = false);

public sealed record PublishedFaqEntry(string Anchor, string Question, string AnswerHtml, string Language = "en", bool IsFallback = false);

public sealed record SitemapEntry(string Path, DateTime UpdatedAt);

/// <summary>Reads the published content for the public site.</summary>
public sealed class ContentService(SiteDbContext db, MarkdownRenderer markdown)
{
    /// <summary>The slug of the page whose text introduces the movement on the home page.</summary>
    public const string HomeSlug = "home";

    /// <summary>
    /// A published page with its body rendered, in <paramref name="culture"/> when it has a published translation,
    /// else in English (marked as a fallback); null when there is no published page by that slug.
    /// </summary>
    public async Task<PublishedPage?> GetPublishedPageAsync(string slug, string culture = SiteCultures.Default, CancellationToken ct = default)
    {
        var page = await db.Pages.AsNoTracking()
            .Where(p => p.Slug == slug && p.IsPublished)
            .Select(p => new
            {
                p.Slug, p.Title, p.Summary, p.Body, p.UpdatedAt,
                Translation = p.Translations.Where(t => t.Culture == culture && t.IsPublished).Select(t => new { t.Title, t.Summary, t.Body, t.UpdatedAt }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (page is null) return null;
        if (page.Translation is { } t) return new PublishedPage(page.Slug, t.Title, t.Summary, markdown.ToHtml(t.Body), t.UpdatedAt, culture);
        return new PublishedPage(page.Slug, page.Title, page.Summary, markdown.ToHtml(page.Body), page.UpdatedAt, SiteCultures.Default, IsFallback: culture != SiteCultures.Default);
    }

    /// <summary>The published FAQ entries in their order, answers rendered, each in <paramref name="culture"/> where it has a published translation.</summary>
    public async Task<IReadOnlyList<PublishedFaqEntry>> GetPublishedFaqAsync(string culture = SiteCultures.Default, CancellationToken ct = default)
    {
        var entries = await db.FaqEntries.AsNoTracking()
            .Where(f => f.IsPublished)
            .OrderBy(f => f.Position).ThenBy(f => f.Id)
            .Select(f => new
            {
                f.Anchor, f.Question, f.Answer,
                Translation = f.Translations.Where(t => t.Culture == culture && t.IsPublished).Select(t => new { t.Question, t.Answer }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return entries.Select(f => f.Translation is { } t
                ? new PublishedFaqEntry(f.Anchor, t.Question, markdown.ToHtml(t.Answer), culture)
                : new PublishedFaqEntry(f.Anchor, f.Question, markdown.ToHtml(f.Answer), SiteCultures.Default, IsFallback: culture != SiteCultures.Default))
            .ToList();
    }

    /// <summary>Every published page's path, for /sitemap.xml. The home page is "/".</summary>
    public async Task<IReadOnlyList<SitemapEntry>> GetSitemapAsync(CancellationToken ct = default)
    {
        var pages = await db.Pages.AsNoTracking()
            .Where(p => p.IsPublished)
            .OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.UpdatedAt })
            .ToListAsync(ct);
        var faqUpdated = await db.FaqEntries.Where(f => f.IsPublished).MaxAsync(f => (DateTime?)f.UpdatedAt, ct);

        var entries = pages.Select(p => new SitemapEntry(p.Slug == HomeSlug ? "/" : "/" + p.Slug, p.UpdatedAt)).ToList();
        if (faqUpdated is { } faq) entries.Add(new SitemapEntry("/faq", faq));
        var testimonialsUpdated = await db.Testimonials.Where(t => t.Status == Testimonials.TestimonialStatus.Approved).MaxAsync(t => (DateTime?)(t.ModeratedAt ?? t.SubmittedAt), ct);
        entries.Add(new SitemapEntry("/testimonials", testimonialsUpdated ?? entries.Max(e => (DateTime?)e.UpdatedAt) ?? DateTime.UnixEpoch));
        entries.Add(new SitemapEntry("/join", entries.Min(e => (DateTime?)e.UpdatedAt) ?? DateTime.UnixEpoch));
        return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }
}

/// <summary>The output-cache tag on every public page; evicting it makes the next request render afresh.</summary>
public static class OutputCacheTags
{
    public const string Public = "public";

    public static ValueTask EvictPublicAsync(this IOutputCacheStore store, CancellationToken ct = default) =>
        store.EvictByTagAsync(Public, ct);
}
