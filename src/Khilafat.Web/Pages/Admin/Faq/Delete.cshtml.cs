using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Faq;

/// <summary>Deleting asks first: this page is the confirmation, and only its POST deletes.</summary>
public class DeleteModel(FaqEditor faq) : PageModel, IPageMeta
{
    public EditableFaqEntry Entry { get; private set; } = null!;

    public string Title => "Delete question";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var entry = await faq.GetAsync(id);
        if (entry is null) return NotFound();
        Entry = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await faq.DeleteAsync(id, Actor.From(User))) return NotFound();
        TempData[StatusMessages.Key] = "The question is deleted.";
        return RedirectToPage("Index");
    }
}
