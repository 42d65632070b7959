using Khilafat.Web.Events;
using Khilafat.Web.MailingList;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Events;

/// <summary>Where an RSVP's confirmation link leads. Opening it changes nothing (mail scanners open links); the button (a POST) confirms.</summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class ConfirmModel(RsvpService rsvps, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public RsvpLink? Link { get; private set; }

    /// <summary>After the button: what it did.</summary>
    public RsvpConfirmOutcome? Outcome { get; private set; }

    public string Title => Outcome switch
    {
        RsvpConfirmOutcome.Confirmed => t["You are coming"],
        RsvpConfirmOutcome.Waitlisted => t["You are on the waitlist"],
        RsvpConfirmOutcome.AlreadyDone => t["Your answer is confirmed already"],
        null when Link?.State == LinkState.Valid => t["Confirm your answer"],
        null when Link?.State == LinkState.AlreadyConfirmed => t["Your answer is confirmed already"],
        _ => t["This link does not work any more"],
    };

    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct) => Link = await rsvps.CheckConfirmationAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Outcome = await rsvps.ConfirmAsync(Token, ct);
        Link = await rsvps.CheckConfirmationAsync(Token, ct);
        return Page();
    }
}
