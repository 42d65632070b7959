using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Petitions;

/// <summary>
/// After a signature is confirmed: it counts, and the moment a signer is most ready to pass the petition on, its
/// plain share links (as on its page), while it still takes signatures.
/// </summary>
public class ConfirmedModel(IStringLocalizer<SharedResource> t, PetitionReader petitions, SiteUrls urls) : PageModel, IPageMeta
{
    public string Slug { get; private set; } = "";
    public string Title => t["Thank you for signing"];
    public bool NoIndex => true;

    /// <summary>The petition's own address and title for the share links; null when it no longer takes signatures.</summary>
    public ShareLinks? Share { get; private set; }

    public async Task OnGetAsync(string slug, CancellationToken ct)
    {
        Slug = Slugs.IsWellFormed(slug) ? slug : "";
        if (Slug.Length > 0 && await petitions.ForSharingAsync(Slug, SiteCultures.Current, ct) is var (title, path))
            Share = new ShareLinks(urls.Absolute(SiteCultures.Href(path)), title);
    }
}
