using Khilafat.Web.Audit;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Settings;

public class IndexModel(SiteSettingsStore settings, IOutputCacheStore cache) : PageModel, IPageMeta
{
    [BindProperty]
    public bool RequireAdminTwoFactor { get; set; }

    [BindProperty]
    public bool ShowTestimonialRatings { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Settings";

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireAdminTwoFactor = await settings.RequireAdminTwoFactorAsync(ct);
        ShowTestimonialRatings = await settings.ShowTestimonialRatingsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await settings.SetRequireAdminTwoFactorAsync(RequireAdminTwoFactor, Actor.From(User));
        // Written (and audited) only when changed; the ratings show, or not, on cached public pages.
        if (ShowTestimonialRatings != await settings.ShowTestimonialRatingsAsync(ct))
        {
            await settings.SetShowTestimonialRatingsAsync(ShowTestimonialRatings, Actor.From(User));
            await cache.EvictPublicAsync(ct);
        }
        StatusMessage = "Settings saved.";
        return RedirectToPage();
    }
}
