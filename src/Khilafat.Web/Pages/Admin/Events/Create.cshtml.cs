using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Events;

public class CreateModel(EventEditor events, SiteTimeZone siteZone) : PageModel, IPageMeta
{
    [BindProperty]
    public EventForm Input { get; set; } = new();

    public string Title => "New event";

    public void OnGet() => Input.TimeZone = siteZone.Name;

    public Task<IActionResult> OnPostDraftAsync() => CreateAsync(publish: false);

    public Task<IActionResult> OnPostPublishAsync() => CreateAsync(publish: true);

    private async Task<IActionResult> CreateAsync(bool publish)
    {
        ModelState.Remove("Input.Slug");
        if (Input.ToFieldsShowingEveryMistake(ModelState) is not { } fields) return Page();
        switch (await events.CreateAsync(Input.ToInput(), fields, publish, Actor.From(User)))
        {
            case TextSaveResult.Saved saved:
                TempData[StatusMessages.Key] = publish ? $"“{Input.Title}” is published." : $"“{Input.Title}” is saved as a draft.";
                return RedirectToPage("Edit", new { id = saved.ItemId });
            case TextSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }
}
