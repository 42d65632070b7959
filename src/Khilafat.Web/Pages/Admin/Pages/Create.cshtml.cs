using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

public class CreateModel(PageEditor pages) : PageModel, IPageMeta
{
    [BindProperty]
    public PageForm Input { get; set; } = new();

    public string Title => "New page";

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostDraftAsync() => CreateAsync(publish: false);

    public Task<IActionResult> OnPostPublishAsync() => CreateAsync(publish: true);

    private async Task<IActionResult> CreateAsync(bool publish)
    {
        if (!ModelState.IsValid) return Page();
        var result = await pages.CreateAsync(Input.ToInput(), publish, Actor.From(User));
        switch (result)
        {
            case PageSaveResult.Saved saved:
                TempData["StatusMessage"] = publish ? $"“{Input.Title}” is published at /{Input.Slug}." : $"“{Input.Title}” is saved as a draft.";
                return RedirectToPage("Edit", new { id = saved.PageId });
            case PageSaveResult.Invalid invalid:
                invalid.AddTo(ModelState);
                return Page();
            default:
                return NotFound();
        }
    }
}
