using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Petitions;

public class CreateModel(PetitionEditor petitions, SiteTimeZone zone) : PageModel, IPageMeta
{
    [BindProperty]
    public PetitionForm Input { get; set; } = new();

    public string Title => "New petition";

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostDraftAsync() => CreateAsync(publish: false);

    public Task<IActionResult> OnPostPublishAsync() => CreateAsync(publish: true);

    private async Task<IActionResult> CreateAsync(bool publish)
    {
        // The address is made from the title here; the form has none.
        ModelState.Remove("Input.Slug");
        if (!ModelState.IsValid || Input.ToSettings(zone, ModelState) is not { } settings) return Page();
        switch (await petitions.CreateAsync(Input.ToInput(), settings, publish, Actor.From(User)))
        {
            case TextSaveResult.Saved saved:
                TempData[StatusMessages.Key] = publish ? $"“{Input.Title}” is saved and its text published. Open it for signing when you are ready."
                    : $"“{Input.Title}” is saved as a draft.";
                return RedirectToPage("Edit", new { id = saved.ItemId });
            case TextSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }
}
