using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages;

/// <summary>/{slug}/changes: a page's published versions, and what changed between any two, word by word.</summary>
[OutputCache(PolicyName = OutputCachePolicies.PublicCompared)]
public class ChangesModel(ChangeLog changes, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    public PageChanges Changes { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The two versions compared, older first, and their texts word by word; null when none are asked for.</summary>
    public (PageVersion Older, PageVersion Newer, IReadOnlyList<DiffLine> Title, IReadOnlyList<DiffLine> Body)? Comparison { get; private set; }

    public string Title => t["How this page changed"] + ": " + Changes.Title;

    /// <summary>A comparison's version numbers are this language's: another language's readers get the list of its own.</summary>
    public string? LanguageSwitchPath => Comparison is null ? null : $"/{Changes.Slug}/changes";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await changes.ChangesAsync(slug, SiteCultures.Current, ct) is not { } found) return NotFound();
        Changes = found;
        if (From is { } from && To is { } to && from != to)
        {
            var older = await changes.VersionAsync(slug, SiteCultures.Current, Math.Min(from, to), ct);
            var newer = await changes.VersionAsync(slug, SiteCultures.Current, Math.Max(from, to), ct);
            if (older is null || newer is null) return NotFound();
            Comparison = (older, newer, WordDiff.Compare(older.Title, newer.Title), WordDiff.Compare(older.Body, newer.Body));
        }
        return Page();
    }
}
