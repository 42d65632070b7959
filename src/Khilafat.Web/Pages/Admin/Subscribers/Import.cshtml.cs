using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public class ImportModel(SubscriberAdministration subscribers, TimeProvider clock) : PageModel, IPageMeta
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>"These people already gave consent": import them as Confirmed, on the attestation below, without a confirmation email.</summary>
    [BindProperty]
    public bool AlreadyConsented { get; set; }

    [BindProperty]
    [Display(Name = "Where and how they gave their consent")]
    public string? Attestation { get; set; }

    [BindProperty]
    [Display(Name = "When they gave it")]
    public DateOnly? AttestedOn { get; set; }

    public ImportResult? Result { get; private set; }

    /// <summary>Whether the import that just ran added people as Confirmed.</summary>
    public bool ImportedConfirmed { get; private set; }

    public string Title => "Import subscribers";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
        else if (Upload.Length > MaxFileBytes) ModelState.AddModelError(nameof(Upload), "The file is larger than 10 MB. Split it into smaller files.");
        ConsentAttestation? attested = null;
        if (AlreadyConsented && !User.IsInRole(Accounts.Roles.Admin))
        {
            // Vouching for other people's consent is an admin's word, recorded under their name.
            ModelState.AddModelError(nameof(AlreadyConsented), "Only an admin can import people as Confirmed. Import them as Pending: each gets a confirmation email.");
        }
        else if (AlreadyConsented)
        {
            // A date the browser sent that is not a date is already in ModelState; do not say "enter the date" over it.
            var errors = ConsentAttestation.Check(Attestation, AttestedOn, clock.GetUtcNow());
            if (errors.TryGetValue("Text", out var text)) ModelState.AddModelError(nameof(Attestation), text);
            if (errors.TryGetValue("GivenOn", out var date) && ModelState[nameof(AttestedOn)]?.Errors.Count is null or 0) ModelState.AddModelError(nameof(AttestedOn), date);
            if (errors.Count == 0) attested = new ConsentAttestation(Attestation!, AttestedOn!.Value);
        }
        else
        {
            // Not asked for: whatever the hidden fields hold does not matter.
            ModelState.Remove(nameof(Attestation));
            ModelState.Remove(nameof(AttestedOn));
        }
        if (!ModelState.IsValid) return Page();

        await using var stream = Upload!.OpenReadStream();
        Result = await subscribers.ImportAsync(stream, Actor.From(User), attested, ct);
        ImportedConfirmed = attested is not null;
        return Page();
    }
}
