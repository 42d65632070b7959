using Khilafat.Web.Audit;
using Khilafat.Web.Relief;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Relief;

public class EditModel(ReliefDirectory relief) : PageModel, IPageMeta
{
    [BindProperty]
    public ReliefForm Input { get; set; } = new();

    /// <summary>The name as stored, for the heading while the form shows what was typed.</summary>
    public string Name { get; private set; } = "";

    public string Title => "Edit relief organisation";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await relief.GetAsync(id, ct) is not { } entry) return NotFound();
        Name = entry.Name;
        Input = ReliefForm.From(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await relief.GetAsync(id, ct) is not { } entry) return NotFound();
        Name = entry.Name;
        if (!ModelState.IsValid)
        {
            ModelState.AddWhereNone("Input", ReliefDirectory.Validate(Input.ToInput().Clean()));
            return Page();
        }
        switch (await relief.UpdateAsync(id, Input.ToInput(), Actor.From(User), ct))
        {
            case ReliefSaveResult.Saved:
                TempData[StatusMessages.Key] = "The organisation is saved.";
                return RedirectToPage("Index");
            case ReliefSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }
}
