using Khilafat.Web.Audit;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Settings;

public class IndexModel(SiteSettingsStore settings) : PageModel, IPageMeta
{
    [BindProperty]
    public bool RequireAdminTwoFactor { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Settings";

    public async Task OnGetAsync(CancellationToken ct) => RequireAdminTwoFactor = await settings.RequireAdminTwoFactorAsync(ct);

    public async Task<IActionResult> OnPostAsync()
    {
        await settings.SetRequireAdminTwoFactorAsync(RequireAdminTwoFactor, Actor.From(User));
        StatusMessage = "Settings saved.";
        return RedirectToPage();
    }
}
