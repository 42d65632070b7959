using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Faq;

public class EditModel(FaqEditor faq) : PageModel, IPageMeta
{
    [BindProperty]
    public FaqForm Input { get; set; } = new();

    public string Title => "Edit question";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var entry = await faq.GetAsync(id);
        if (entry is null) return NotFound();
        Input = FaqForm.From(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!ModelState.IsValid) return Page();
        var (found, errors) = await faq.UpdateAsync(id, Input.ToInput(), Actor.From(User));
        if (!found) return NotFound();
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState);
            return Page();
        }
        TempData["StatusMessage"] = "The question is saved.";
        return RedirectToPage("Index");
    }
}
