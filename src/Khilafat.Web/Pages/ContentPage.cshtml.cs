using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages;

/// <summary>Any published page by its slug: /statement, /history and the pages editors add.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class ContentPageModel(ContentService content, ChangeLog changes) : PageModel, IPageMeta
{
    public PublishedPage Article { get; private set; } = null!;

    public string Title => Article.Title;
    public string? Description => Article.Summary;
    public Media.MediaPicture? Image => Article.LeadImage;
    public IReadOnlyList<string>? Languages => Article.Languages;
    public bool IsArticle => true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // The home page's text is shown on "/" only.
        if (slug == ContentService.HomeSlug) return RedirectPermanent("/");
        if (!Slugs.IsWellFormed(slug)) return NotFound();

        var page = await content.GetPublishedPageAsync(slug, SiteCultures.Current, ct);
        if (page is null)
        {
            // A deleted page's address says so (410 Gone), or leads where its editor said its readers should go now.
            var (deleted, redirectTo) = await content.GetDeletedPageAsync(slug, ct);
            if (!deleted) return NotFound();
            return redirectTo is null ? StatusCode(StatusCodes.Status410Gone) : RedirectPermanent(SiteCultures.PathFor(SiteCultures.Current, redirectTo));
        }
        Article = page with
        {
            LastChange = await changes.LastChangeAsync(slug, SiteCultures.Current, ct),
            Outdated = page.IsFallback ? null : await changes.OutdatedPageAsync(slug, SiteCultures.Current, ct),
        };
        return Page();
    }
}
