using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.RateLimiting;
using Khilafat.Web.Supporters;
using Khilafat.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Join;

/// <summary>/join: the mailing-list sign-up. Double opt-in: nothing is sent to the list until the address is confirmed.</summary>
[ShowFormAgainWhenTokenFails]
public class IndexModel(MailingListService mailingList, SupporterCount supporters, FormRateLimiter limits, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta, IFormShownAgain
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> CountryChoices => Countries.All();

    /// <summary>"N supporters in M countries", or null while there are too few to show.</summary>
    public SupporterFigures? Supporters { get; private set; }

    public string Title => t["Join the mailing list"];
    public string? Description => t["Hear from the Khilafat Movement by email: news of relief efforts and lawful, peaceful action. You can leave at any time."];

    public async Task OnGetAsync(CancellationToken ct) => Supporters = await supporters.GetAsync(ct);

    /// <summary>
    /// The inline field at the end of long pages and in the footer posts its address here, and the form comes back with
    /// it filled in; nothing is kept or sent. A POST, so that the address stays out of the URL (an access log's lines,
    /// the browser's history, the Referer of the next link), and without a token, as those pages are cached for everyone.
    /// </summary>
    [FillsInTheForm]
    public async Task OnPostContinueAsync(string? email, CancellationToken ct)
    {
        ModelState.Clear();
        Input = new InputModel { Email = email?.Trim() is { Length: > 0 and <= Subscriber.EmailMaxLength } typed ? typed : "" };
        await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Only robots fill in the hidden field: thank them as if it worked, and keep nothing.
        if (!string.IsNullOrEmpty(Input.Website)) return this.RedirectToLocalizedPage("Thanks");

        var email = EmailAddresses.Normalize(Input.Email);
        if (!string.IsNullOrWhiteSpace(Input.Email) && email is null)
            ModelState.AddModelError("Input.Email", t["Enter an email address like name@example.org."]);
        var country = string.IsNullOrEmpty(Input.Country) ? null : Input.Country.ToUpperInvariant();
        if (country is not null && !Countries.IsKnown(country) && ModelState.GetFieldValidationState("Input.Country") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError("Input.Country", t["Choose a country from the list, or leave it empty."]);
        if (!ModelState.IsValid) return Page();
        if (await limits.TakeAsync(RateLimitPolicies.SignUps, HttpContext.Connection.RemoteIpAddress, email, ct) is { } refused)
            return this.TooManySubmissions(refused, t);

        var name = string.IsNullOrWhiteSpace(Input.Name) ? null : Input.Name.Trim();
        await mailingList.SignUpAsync(new SignUpRequest(email!, name, country, SiteCultures.Current, Request.Path, t[ConsentWording.Text]), ct);
        return this.RedirectToLocalizedPage("Thanks");
    }

    public Task<IActionResult> ShowFormAgainAsync(CancellationToken ct) => Task.FromResult<IActionResult>(Page());

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(Subscriber.EmailMaxLength, ErrorMessage = "The email address must be at most {1} characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [StringLength(Subscriber.NameMaxLength, ErrorMessage = "Your name must be at most {1} characters.")]
        [SingleLineName]
        [Display(Name = "Your name (optional)")]
        public string? Name { get; set; }

        [StringLength(2, ErrorMessage = "Choose a country from the list, or leave it empty.")]
        [Display(Name = "Country (optional)")]
        public string? Country { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to agree, so that we may email you.")]
        public bool Consent { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by form-filling robots.</summary>
        [StringLength(200)]
        public string? Website { get; set; }
    }
}
