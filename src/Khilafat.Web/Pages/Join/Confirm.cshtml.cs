using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Join;

/// <summary>
/// Where the confirmation email's link leads. Opening it changes nothing (mail scanners open links); the button on it
/// (a POST) confirms.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class ConfirmModel(MailingListService mailingList, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public LinkState State { get; private set; }

    public string Title => State switch
    {
        LinkState.Valid => t["Confirm your subscription"],
        LinkState.AlreadyConfirmed => t["You are on the list"],
        _ => t["This link does not work any more"],
    };

    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct) => State = await mailingList.CheckConfirmationAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await mailingList.ConfirmAsync(Token, ct))
        {
            case ConfirmOutcome.Confirmed:
            case ConfirmOutcome.AlreadyConfirmed:
                return this.RedirectToLocalizedPage("Confirmed");
            case ConfirmOutcome.Expired:
                State = LinkState.Expired;
                return Page();
            default:
                State = LinkState.Unknown;
                return Page();
        }
    }
}
