using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Updates;

public class CreateModel(UpdateEditor updates, SiteTimeZone zone) : PageModel, IPageMeta
{
    [BindProperty]
    public UpdateForm Input { get; set; } = new();

    public string Title => "New update";

    public void OnGet()
    {
    }

    /// <summary>Saves a draft; with a publish time, a scheduled one.</summary>
    public Task<IActionResult> OnPostDraftAsync() => CreateAsync(publish: false);

    public Task<IActionResult> OnPostPublishAsync() => CreateAsync(publish: true);

    private async Task<IActionResult> CreateAsync(bool publish)
    {
        // The address is made from the title here; the form has none.
        ModelState.Remove("Input.Slug");
        if (!ModelState.IsValid || Input.ToSettings(zone, ModelState) is not { } settings) return Page();
        switch (await updates.CreateAsync(Input.ToInput(), settings, publish, Actor.From(User)))
        {
            case TextSaveResult.Saved saved:
                TempData[StatusMessages.Key] = publish ? $"“{Input.Title}” is published."
                    : settings.PublishAt is { } at ? $"“{Input.Title}” is scheduled for {zone.ToLocal(at):d MMM yyyy HH:mm} ({zone.Name})"
                        + (settings.EmailOnPublish ? ", and will be emailed to every subscriber then." : ".")
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
