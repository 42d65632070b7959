using Khilafat.Web.Events;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Events;

/// <summary>Where an attendee's cancel link leads: a button (a POST) cancels, and their places go to the waitlist.</summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class CancelRsvpModel(RsvpService rsvps, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public RsvpLink? Link { get; private set; }

    public bool Cancelled { get; private set; }

    public string Title => Cancelled || Link?.Status == RsvpStatus.Cancelled ? t["Your answer is cancelled"]
        : Link is null ? t["This link does not work any more"] : t["Cancel your answer"];

    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct) => Link = await rsvps.CheckManageAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Cancelled = await rsvps.CancelAsync(Token, ct);
        Link = await rsvps.CheckManageAsync(Token, ct);
        return Page();
    }
}
