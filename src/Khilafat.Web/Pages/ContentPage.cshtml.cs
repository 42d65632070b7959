using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages;

/// <summary>Any published page by its slug: /statement, /history and the pages editors add.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class ContentPageModel(ContentService content) : PageModel, IPageMeta
{
    public PublishedPage Article { get; private set; } = null!;

    public string Title => Article.Title;
    public string? Description => Article.Summary;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // The home page's text is shown on "/" only.
        if (slug == ContentService.HomeSlug) return RedirectPermanent("/");
        if (!Slugs.IsWellFormed(slug)) return NotFound();

        var page = await content.GetPublishedPageAsync(slug, SiteCultures.Current, ct);
        if (page is null) return NotFound();
        Article = page;
        return Page();
    }
}
