using Khilafat.Web.Audit;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>Deleting an update asks first; a published one's address then answers 410 Gone.</summary>
public class DeleteModel(UpdateEditor updates) : PageModel, IPageMeta
{
    public EditableUpdate Stored { get; private set; } = null!;

    public string Title => "Delete update";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await updates.GetAsync(id) is not { } update) return NotFound();
        Stored = update;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await updates.GetAsync(id) is not { } update || !await updates.DeleteAsync(id, Actor.From(User))) return NotFound();
        TempData[StatusMessages.Key] = $"“{update.Text.Working.Title}” is deleted.";
        return RedirectToPage("Index");
    }
}
