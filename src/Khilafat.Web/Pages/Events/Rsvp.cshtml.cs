using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.RateLimiting;
using Khilafat.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Events;

/// <summary>/events/{slug}/rsvp: answering an event. Confirmed by email before it holds a place; robots are thanked like anyone.</summary>
[ShowFormAgainWhenTokenFails]
public class RsvpModel(EventReader events, RsvpService rsvps, TimeProvider clock, FormRateLimiter limits, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta, IFormShownAgain
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PublishedEvent Event { get; private set; } = null!;

    public bool IsOpen { get; private set; }

    public string Title => t["Answer: {0}", Event.Title];
    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        Input.FormStamp = rsvps.NewFormStamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (!IsOpen) return Page();
        var email = EmailAddresses.Normalize(Input.Email);
        if (!string.IsNullOrWhiteSpace(Input.Email) && email is null)
            ModelState.AddModelError("Input.Email", t["Enter an email address like name@example.org."]);
        if (!string.IsNullOrEmpty(Input.Name) && Khilafat.Web.Testimonials.VisitorText.StripInvisible(Input.Name) is null)
            ModelState.AddModelError("Input.Name", t["Enter your name."]);
        if (Input.People is { } n && (n < 1 || n > Event.MaxPartySize))
            ModelState.AddModelError("Input.People", t["Choose from 1 to {0} people.", Event.MaxPartySize]);
        if (!ModelState.IsValid)
        {
            // Keep the original stamp, so correcting a mistake does not look like a fast robot.
            Input.FormStamp ??= rsvps.NewFormStamp();
            return Page();
        }
        if (await limits.TakeAsync(RateLimitPolicies.Rsvps, HttpContext.Connection.RemoteIpAddress, email, ct) is { } refused)
            return this.TooManySubmissions(refused, t);
        var outcome = await rsvps.SubmitAsync(new RsvpRequest(Event.Id, Input.Name.Trim(), email!, Input.People!.Value, SiteCultures.Current, Request.Path,
            t[RsvpConsent.Text], Input.JoinList, t[ConsentWording.WithoutCountryText], Input.Website, Input.FormStamp), ct);
        if (outcome == RsvpOutcome.Closed) { IsOpen = false; return Page(); }
        if (outcome is RsvpOutcome.FormExpired or RsvpOutcome.TooFast) return ShowAgain(outcome);
        return RedirectToPage("RsvpThanks", new { culture = SiteCultures.Current == SiteCultures.Default ? null : SiteCultures.Current });
    }

    /// <summary>The form, open for hours before it was sent or sent within seconds (autofill), shown again to send now: nothing was kept.</summary>
    private PageResult ShowAgain(RsvpOutcome outcome)
    {
        var expired = outcome == RsvpOutcome.FormExpired;
        ModelState.AddModelError("", t[expired ? FormMessages.Expired : FormMessages.TooFast]);
        ModelState.Remove("Input.FormStamp"); // else the field shows the stamp that was sent
        Input.FormStamp = expired ? rsvps.RenewedFormStamp() : rsvps.NewFormStamp();
        return Page();
    }

    public async Task<IActionResult> ShowFormAgainAsync(CancellationToken ct)
    {
        if (!await LoadAsync((string)RouteData.Values["slug"]!, ct)) return NotFound();
        Input.FormStamp ??= rsvps.NewFormStamp();
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await events.GetAsync(slug, SiteCultures.Current, ct) is not { } e) return false;
        Event = e;
        IsOpen = RsvpService.IsOpen(e, clock.GetUtcNow().UtcDateTime);
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(Rsvp.NameMaxLength, ErrorMessage = "Your name must be at most {1} characters.")]
        [SingleLineName]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(Subscriber.EmailMaxLength, ErrorMessage = "The email address must be at most {1} characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose how many people are coming.")]
        public int? People { get; set; } = 1;

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to agree, so that we may keep your answer.")]
        public bool Consent { get; set; }

        /// <summary>A separate choice: joining the mailing list, with its own consent and confirmation.</summary>
        public bool JoinList { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by form-filling robots.</summary>
        [StringLength(200)]
        public string? Website { get; set; }

        /// <summary>When the form was served (protected), for the minimum fill time.</summary>
        [StringLength(1000)]
        public string? FormStamp { get; set; }
    }
}
