using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.RateLimiting;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Testimonials;

/// <summary>/testimonials/share: the submission form. Everything sent waits for an editor; robots are thanked like anyone else.</summary>
[ShowFormAgainWhenTokenFails]
public class ShareModel(TestimonialService testimonials, FormRateLimiter limits, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta, IFormShownAgain
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Title => t["Share what the movement means to you"];
    public string? Description => t["Tell other supporters, in your own words, what the Khilafat Movement means to you."];

    public void OnGet() => Input.FormStamp = testimonials.NewFormStamp();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A name of invisible characters only is no name.
        if (!string.IsNullOrEmpty(Input.DisplayName) && VisitorText.StripInvisible(Input.DisplayName) is null)
            ModelState.AddModelError("Input.DisplayName", t["Enter the name to show with your words."]);
        if (!string.IsNullOrWhiteSpace(Input.Email) && EmailAddresses.Normalize(Input.Email) is null)
            ModelState.AddModelError("Input.Email", t["Enter an email address like name@example.org, or leave it empty."]);
        if (Input.NotifyOnPublish && string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", t["Enter your email address, so that we can tell you when your words are published."]);
        if (!ModelState.IsValid)
        {
            // Keep the original stamp, so correcting a mistake does not look like a fast robot.
            Input.FormStamp ??= testimonials.NewFormStamp();
            return Page();
        }
        if (await limits.TakeAsync(RateLimitPolicies.Testimonials, HttpContext.Connection.RemoteIpAddress, EmailAddresses.Normalize(Input.Email), ct) is { } refused)
            return this.TooManySubmissions(refused, t);

        await testimonials.SubmitAsync(new TestimonialSubmission(
            Input.DisplayName, Input.Place, Input.Rating!.Value, Input.Text, EmailAddresses.Normalize(Input.Email), Input.NotifyOnPublish,
            Input.Website, Input.FormStamp, HttpContext.Connection.RemoteIpAddress, SiteCultures.Current, t[TestimonialConsent.Text]), ct);
        return this.RedirectToLocalizedPage("Thanks");
    }

    public Task<IActionResult> ShowFormAgainAsync(CancellationToken ct)
    {
        Input.FormStamp ??= testimonials.NewFormStamp();
        return Task.FromResult<IActionResult>(Page());
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name to show with your words.")]
        [StringLength(Testimonial.NameMaxLength, ErrorMessage = "The name must be at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [StringLength(Testimonial.PlaceMaxLength, ErrorMessage = "The place must be at most {1} characters.")]
        public string? Place { get; set; }

        [Required(ErrorMessage = "Choose a rating from 1 to 5 stars.")]
        [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5 stars.")]
        public int? Rating { get; set; }

        [Required(ErrorMessage = "Write what the movement means to you.")]
        [StringLength(Testimonial.TextMaxLength, MinimumLength = Testimonial.TextMinLength, ErrorMessage = "Write between {2} and {1} characters.")]
        public string Text { get; set; } = "";

        [StringLength(254, ErrorMessage = "The email address must be at most {1} characters.")]
        public string? Email { get; set; }

        public bool NotifyOnPublish { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to agree, so that we may publish your words.")]
        public bool Consent { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by form-filling robots.</summary>
        [StringLength(200)]
        public string? Website { get; set; }

        /// <summary>When the form was served (protected), for the minimum fill time.</summary>
        [StringLength(1000)]
        public string? FormStamp { get; set; }
    }
}
