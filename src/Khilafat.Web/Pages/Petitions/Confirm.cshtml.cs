using Khilafat.Web.Localization;
using Khilafat.Web.Petitions;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Petitions;

/// <summary>
/// Where a signature's confirmation email leads. Opening it changes nothing (mail scanners open links); the button on
/// it (a POST) confirms, and the signature counts from then on.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class ConfirmModel(PetitionSigning signing, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public SignatureLinkState State { get; private set; }

    public string? Slug { get; private set; }

    public string Title => State switch
    {
        SignatureLinkState.Valid => t["Confirm your signature"],
        SignatureLinkState.AlreadyConfirmed => t["Your signature is confirmed"],
        SignatureLinkState.Closed => t["Signing is closed"],
        _ => t["This link does not work any more"],
    };

    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct) => (State, Slug) = await signing.CheckAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (State, Slug) = await signing.ConfirmAsync(Token, ct);
        if (State is SignatureLinkState.Valid or SignatureLinkState.AlreadyConfirmed)
            return RedirectToPage("Confirmed", new { slug = Slug, culture = SiteCultures.Current == SiteCultures.Default ? null : SiteCultures.Current });
        return Page();
    }
}
