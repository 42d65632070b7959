using Khilafat.Web.Audit;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Petitions;

/// <summary>The confirmed signatures as a CSV for delivery, streamed from the database: emails only when ticked.</summary>
public class ExportModel(PetitionEditor petitions, PetitionSignatures signatures, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Emails { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await petitions.GetAsync(id, ct) is not { } petition) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.CacheControl = "no-store, no-cache";
        Response.Headers.ContentDisposition = $"attachment; filename=\"petition-{petition.Slug}-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await signatures.ExportAsync(id, Emails, Response.Body, Actor.From(User), ct);
        return new EmptyResult();
    }
}
