using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages.Updates;

/// <summary>/updates/{slug}: one update, in the reader's language when translated; a deleted one's address answers 410 Gone.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class ShowModel(UpdateReader updates, ChangeLog changes) : PageModel, IPageMeta
{
    public PublishedUpdate Update { get; private set; } = null!;

    /// <summary>Set when this translation was made from an English text whose meaning has changed since.</summary>
    public OutdatedTranslation? Outdated { get; private set; }

    public string Title => Update.Title;
    public string? Description => Update.Summary.Length > 0 ? Update.Summary : null;
    public Media.MediaPicture? Image => Update.LeadImage;
    public bool IsArticle => true;
    public IReadOnlyList<string>? Languages => Update.Languages;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug)) return NotFound();
        if (await updates.GetAsync(slug, SiteCultures.Current, ct) is not { } update)
            return await updates.IsGoneAsync(slug, ct) ? StatusCode(StatusCodes.Status410Gone) : NotFound();
        Update = update;
        if (!update.IsFallback) Outdated = await changes.OutdatedAsync(TextKinds.Update, update.Id, SiteCultures.Current, ct);
        return Page();
    }
}
