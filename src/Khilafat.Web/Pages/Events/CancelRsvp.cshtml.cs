using Khilafat.Web.Events;
using Khilafat.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Events;

/// <summary>
/// Where an attendee's own link leads (the address stays /events/rsvp/cancel, as in every email sent): a button (a POST)
/// cancels, and their places go to the waitlist; while the event is on, another changes how many people come.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Links)]
public class CancelRsvpModel(RsvpService rsvps, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>How many people, chosen in the form; shown again as chosen when it cannot be had.</summary>
    [BindProperty]
    public int? People { get; set; }

    public RsvpLink? Link { get; private set; }

    public bool Cancelled { get; private set; }

    /// <summary>What a change of the number of people did, for the line that says so; null when none was asked.</summary>
    public PartySizeOutcome? Changed { get; private set; }

    public string Title => Cancelled || Link?.Status == RsvpStatus.Cancelled ? t["Your answer is cancelled"]
        : Link is null ? t["This link does not work any more"]
        : Link.CanChangePeople ? t["Change or cancel your answer"] : t["Cancel your answer"];

    public bool NoIndex => true;

    public async Task OnGetAsync(CancellationToken ct) => Link = await rsvps.CheckManageAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Cancelled = await rsvps.CancelAsync(Token, ct);
        Link = await rsvps.CheckManageAsync(Token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPeopleAsync(CancellationToken ct)
    {
        Link = await rsvps.CheckManageAsync(Token, ct);
        if (Link is null) return Page();
        if (People is not { } people || people < 1 || people > Link.MaxPartySize)
        {
            ModelState.Remove(nameof(People)); // the binder's own words for what is not a number: one message, the site's
            ModelState.AddModelError(nameof(People), t["Choose how many people come, from 1 to {0}.", Link.MaxPartySize]);
            return Page();
        }
        var (outcome, free) = await rsvps.ChangePeopleAsync(Token, people, ct);
        Link = await rsvps.CheckManageAsync(Token, ct);
        if (outcome == PartySizeOutcome.TooFewPlaces)
            ModelState.AddModelError(nameof(People), free switch
            {
                0 => t["No more places are free: your answer still holds {0}.", Link!.PartySize],
                1 => t["Only 1 more place is free: your answer still holds {0}.", Link!.PartySize],
                _ => t["Only {0} more places are free: your answer still holds {1}.", free, Link!.PartySize],
            });
        else
        {
            Changed = outcome;
            // The form then shows what the answer holds now.
            ModelState.Remove(nameof(People));
            People = Link?.PartySize;
        }
        return Page();
    }
}
