using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>A page or FAQ entry as stored: its address and its text in one language (the working copy, what editors last saved).</summary>
public sealed record StoredText(int ItemId, string Address, string Title, string Summary, string Body, bool IsPublished, string? PublishedBody, int Version, int Revisions);

/// <summary>Reads stored texts, so tests can check what a save wrote.</summary>
public static class StoredTexts
{
    public static Task<StoredText?> PageAsync(this SiteFactory factory, int id, string culture = SiteCultures.Default) =>
        factory.TextAsync(TextKinds.Page, id, culture, db => db.Pages.Where(p => p.Id == id).Select(p => p.Slug));

    public static Task<StoredText?> FaqAsync(this SiteFactory factory, int id, string culture = SiteCultures.Default) =>
        factory.TextAsync(TextKinds.Faq, id, culture, db => db.FaqEntries.Where(f => f.Id == id).Select(f => f.Anchor));

    /// <summary>The id of the page or FAQ entry whose English title (question) is <paramref name="title"/>; null when there is none.</summary>
    public static Task<int?> ItemWithTitleAsync(this SiteFactory factory, string kind, string title) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Texts
            .Where(t => t.Kind == kind && t.Culture == SiteCultures.Default && t.Title == title).Select(t => (int?)t.ItemId).SingleOrDefaultAsync());

    private static Task<StoredText?> TextAsync(this SiteFactory factory, string kind, int id, string culture, Func<SiteDbContext, IQueryable<string>> address) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var where = await address(db).SingleOrDefaultAsync();
            return await db.Texts.AsNoTracking().Where(t => t.Kind == kind && t.ItemId == id && t.Culture == culture)
                .Select(t => new StoredText(id, where ?? "", t.Title, t.Summary, t.Body, t.IsPublished, t.PublishedBody, t.Version, t.Revisions.Count))
                .SingleOrDefaultAsync();
        });
}
