using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages.Petitions;

/// <summary>
/// /petitions/{slug}: the petition, its exact confirmed count and progress, the latest signers who chose to be shown,
/// and plain share links. Output-cached for a few seconds only (<see cref="OutputCachePolicies.PublicPetition"/>), so
/// it carries no form: the signing form, with its anti-forgery token and time stamp, is its own page (/sign), which
/// script brings into this one.
/// </summary>
[OutputCache(PolicyName = OutputCachePolicies.PublicPetition)]
public class ShowModel(PetitionReader petitions, ChangeLog changes, SiteUrls urls) : PageModel, IPageMeta
{
    public PublishedPetition Petition { get; private set; } = null!;

    /// <summary>Set when this translation was made from an English text whose meaning has changed since.</summary>
    public OutdatedTranslation? Outdated { get; private set; }

    /// <summary>The page's absolute address in the reader's language, for the share links.</summary>
    public string ShareUrl { get; private set; } = "";

    public string Title => Petition.Title;
    public Media.MediaPicture? Image => Petition.LeadImage;
    public bool IsArticle => true;
    public IReadOnlyList<string>? Languages => Petition.Languages;
    public string? Description => Petition.Summary.Length > 0 ? Petition.Summary : null;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await petitions.GetAsync(slug, SiteCultures.Current, ct) is not { } petition) return NotFound();
        Petition = petition;
        ShareUrl = urls.Absolute(SiteCultures.Href(petition.Path));
        if (!petition.IsFallback) Outdated = await changes.OutdatedAsync(TextKinds.Petition, petition.Id, SiteCultures.Current, ct);
        return Page();
    }
}
