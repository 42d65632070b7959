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
        var (id, errors) = await faq.CreateAsync(Input.ToInput(), Actor.From(User));
        if (id is null)
        {
            errors.AddTo(ModelState);
            return Page();
        }
        TempData["StatusMessage"] = "The question is added.";
        return RedirectToPage("Index");
    }
}
