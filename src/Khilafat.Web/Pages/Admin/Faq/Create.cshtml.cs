using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Faq;

public class CreateModel(FaqEditor faq) : PageModel, IPageMeta
{
    [BindProperty]
    public FaqForm Input { get; set; } = new();

    public string Title => "New question";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await faq.CreateAsync(Input.Anchor, Input.ToInput(), Input.IsPublished, Actor.From(User)))
        {
            case TextSaveResult.Saved:
                TempData[StatusMessages.Key] = "The question is added.";
                return RedirectToPage("Index");
            case TextSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }
}
