using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages;

/// <summary>/{slug}/versions/{number}: a page exactly as one of its versions was published, marked as not the current one.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class VersionModel(ChangeLog changes, MarkdownRenderer markdown, Media.MediaPictures pictures) : PageModel, IPageMeta
{
    public PageVersion Shown { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    public string Title => Shown.Title;
    public string? Description => Shown.Summary;

    // An old version is kept out of search results; it stands for the current page.
    public bool NoIndex => true;
    public string? CanonicalPath => SiteUrls.PagePath(Shown.Slug);

    public string? LanguageSwitchPath => $"/{Shown.Slug}/changes";

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await changes.VersionAsync(slug, SiteCultures.Current, number, ct) is not { } version) return NotFound();
        Shown = version;
        BodyHtml = markdown.ToHtml(version.Body, await pictures.ForMarkdownAsync(version.Body, SiteCultures.Current, ct), SiteCultures.Current);
        return Page();
    }
}
