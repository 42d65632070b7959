using Khilafat.Web.Audit;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Petitions;

/// <summary>A petition's signatures: search, filter by status, strike one out as fraud with a reason.</summary>
public class SignaturesModel(PetitionEditor petitions, PetitionSignatures signatures) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public SignatureStatus? Status { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public EditablePetition Petition { get; private set; } = null!;

    public SignaturePage Result { get; private set; } = null!;

    public string Title => "Signatures: " + Petition.Text.Working.Title;

    public static string Label(SignatureStatus status) => status switch
    {
        SignatureStatus.Confirmed => "Confirmed",
        SignatureStatus.Pending => "Pending",
        _ => "Struck out",
    };

    public string Link(SignatureStatus? status) => Url.Page("Signatures", new { id = Petition.Id, status, q = Search })!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await petitions.GetAsync(id, ct) is not { } petition) return NotFound();
        Petition = petition;
        Result = await signatures.PageAsync(id, new SignatureFilter(Search, Status), Pager.Requested(Request), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStrikeOutAsync(int id, long signatureId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > PetitionSignature.StruckOutReasonMaxLength)
        {
            StatusMessage = string.IsNullOrWhiteSpace(reason)
                ? "Nothing was struck out: give a reason, so the audit log says why."
                : $"Nothing was struck out: the reason must be at most {PetitionSignature.StruckOutReasonMaxLength} characters.";
            return RedirectToPage(new { id });
        }
        if (!await signatures.StrikeOutAsync(id, signatureId, reason, Actor.From(User), ct)) return NotFound();
        StatusMessage = "The signature is struck out: it no longer counts.";
        return RedirectToPage(new { id });
    }
}
