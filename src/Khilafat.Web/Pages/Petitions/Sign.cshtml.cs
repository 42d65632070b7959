using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Petitions;
using Khilafat.Web.RateLimiting;
using Khilafat.Web.Pages.Shared;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Khilafat.Web.Pages.Petitions;

/// <summary>
/// /petitions/{slug}/sign: the signing form. Double opt-in: the signature counts once confirmed from its email. Whatever
/// happened (a first signature, a repeat, a throttled resend, a robot), the visitor sees the same "check your email"
/// page, so nobody learns who signed. A closed petition answers with a page that says so.
/// </summary>
[ShowFormAgainWhenTokenFails]
public class SignModel(PetitionReader petitions, PetitionSigning signing, MailingListService mailingList, FormRateLimiter limits, IStringLocalizer<SharedResource> t) : PageModel, IPageMeta, IFormShownAgain
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PublishedPetition Petition { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> CountryChoices => Countries.All();

    public string Title => Petition.CanSign ? t["Sign: {0}", Petition.Title] : t["Signing is closed"];

    public bool NoIndex => true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        Input.FormStamp = signing.NewFormStamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug)) return NotFound();
        var email = EmailAddresses.Normalize(Input.Email);
        if (!string.IsNullOrWhiteSpace(Input.Email) && email is null)
            ModelState.AddModelError("Input.Email", t["Enter an email address like name@example.org."]);
        var name = Khilafat.Web.Testimonials.VisitorText.StripInvisible(Input.Name)?.Trim();
        if (!string.IsNullOrWhiteSpace(Input.Name) && string.IsNullOrEmpty(name))
            ModelState.AddModelError("Input.Name", t["Enter your name."]);
        var country = (Input.Country ?? "").ToUpperInvariant();
        if (Input.Country is { Length: > 0 } && !Countries.IsKnown(country) && ModelState.GetFieldValidationState("Input.Country") != ModelValidationState.Invalid)
            ModelState.AddModelError("Input.Country", t["Choose your country from the list."]);
        if (!ModelState.IsValid)
        {
            // Keep the original stamp, so correcting a mistake does not look like a fast robot.
            Input.FormStamp ??= signing.NewFormStamp();
            return await LoadAsync(slug, ct) ? Page() : NotFound();
        }
        // Robots (the honeypot filled in, the stamp forged) are thanked like anyone, and nothing is kept. A form open for
        // hours, or sent within seconds (autofill and a quick tap), may be a person's: it is shown again, to send now.
        if (signing.RobotReason(Input.Website, Input.FormStamp) is { } robot)
        {
            if (robot is not (SpamCheck.FormExpired or SpamCheck.TooFast)) return Thanks(slug);
            ModelState.AddModelError("", t[robot == SpamCheck.FormExpired ? FormMessages.Expired : FormMessages.TooFast]);
            ModelState.Remove("Input.FormStamp"); // else the field shows the stamp that was sent
            Input.FormStamp = robot == SpamCheck.FormExpired ? signing.RenewedFormStamp() : signing.NewFormStamp();
            return await LoadAsync(slug, ct) ? Page() : NotFound();
        }

        var ip = HttpContext.Connection.RemoteIpAddress;
        if (await limits.TakeAsync(RateLimitPolicies.Petitions, ip, email, ct) is { } refused)
            return await LoadAsync(slug, ct) ? this.TooManySubmissions(refused, t) : NotFound();
        var outcome = await signing.SignAsync(new SignRequest(slug, email!, name!, country, Input.ShowName, SiteCultures.Current, Request.Path,
            t[PetitionConsentWording.Text]) { TellWhenDelivered = Input.TellWhenDelivered }, ct);
        // Closed (or no such petition): the page says so, and nothing was kept. The petition is read only then, so a
        // burst of signatures costs one write each and no page rendering.
        if (outcome == SignOutcome.NotSignable) return await LoadAsync(slug, ct) ? Page() : NotFound();
        // Its own opt-in, with its own consent and confirmation: the list's, exactly as on /join.
        if (Input.JoinList)
            await mailingList.SignUpAsync(new SignUpRequest(email!, name, country, SiteCultures.Current, Request.Path, t[ConsentWording.Text]), ct);
        return Thanks(slug);
    }

    private RedirectToPageResult Thanks(string slug) =>
        RedirectToPage("Thanks", new { slug, culture = SiteCultures.Current == SiteCultures.Default ? null : SiteCultures.Current });

    public async Task<IActionResult> ShowFormAgainAsync(CancellationToken ct)
    {
        Input.FormStamp ??= signing.NewFormStamp();
        return await LoadAsync((string)RouteData.Values["slug"]!, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug) || await petitions.GetAsync(slug, SiteCultures.Current, ct) is not { } petition) return false;
        Petition = petition;
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(PetitionSignature.NameMaxLength, ErrorMessage = "Your name must be at most {1} characters.")]
        [SingleLineName]
        [Display(Name = "Your name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(Subscriber.EmailMaxLength, ErrorMessage = "The email address must be at most {1} characters.")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Choose your country from the list.")]
        [StringLength(2, ErrorMessage = "Choose your country from the list.")]
        [Display(Name = "Country")]
        public string? Country { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to sign: it says what we do with your details.")]
        public bool Consent { get; set; }

        /// <summary>"Show my name on this petition": off unless ticked.</summary>
        public bool ShowName { get; set; }

        /// <summary>"Email me once when this petition is delivered": off unless ticked.</summary>
        public bool TellWhenDelivered { get; set; }

        /// <summary>"Also join the mailing list": off unless ticked; a separate opt-in with its own confirmation.</summary>
        public bool JoinList { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by form-filling robots.</summary>
        [StringLength(200)]
        public string? Website { get; set; }

        /// <summary>When the form was served (protected), for the time trap.</summary>
        [StringLength(1000)]
        public string? FormStamp { get; set; }
    }
}
