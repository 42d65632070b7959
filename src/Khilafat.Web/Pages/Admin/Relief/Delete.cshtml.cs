using Khilafat.Web.Audit;
using Khilafat.Web.Relief;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Relief;

/// <summary>Deleting asks first: this page is the confirmation, and only its POST deletes.</summary>
public class DeleteModel(ReliefDirectory relief) : PageModel, IPageMeta
{
    public ReliefListItem Entry { get; private set; } = null!;

    public string Title => "Delete relief organisation";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await relief.GetAsync(id, ct) is not { } entry) return NotFound();
        Entry = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await relief.DeleteAsync(id, Actor.From(User), ct)) return NotFound();
        TempData[StatusMessages.Key] = "The organisation is deleted.";
        return RedirectToPage("Index");
    }
}
