using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Pages;
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
        switch (await pages.CreateAsync(Input.Slug, Input.ToInput(), publish, Actor.From(User), Input.HasPublicHistory))
        {
            case TextSaveResult.Saved saved:
                TempData[StatusMessages.Key] = publish ? $"“{Input.Title}” is published at /{Input.Slug}." : $"“{Input.Title}” is saved as a draft.";
                return RedirectToPage("Edit", new { id = saved.ItemId });
            case TextSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }
}
