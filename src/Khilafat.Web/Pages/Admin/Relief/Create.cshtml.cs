using Khilafat.Web.Audit;
using Khilafat.Web.Relief;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Relief;

public class CreateModel(ReliefDirectory relief) : PageModel, IPageMeta
{
    [BindProperty]
    public ReliefForm Input { get; set; } = new();

    public string Title => "New relief organisation";

    public async Task OnGetAsync(CancellationToken ct) => Input.SortOrder = await relief.NextSortOrderAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddWhereNone("Input", ReliefDirectory.Validate(Input.ToInput().Clean()));
            return Page();
        }
        switch (await relief.AddAsync(Input.ToInput(), Actor.From(User), ct))
        {
            case ReliefSaveResult.Saved:
                TempData[StatusMessages.Key] = "The organisation is added. Press “Checked today” once you have checked its registry record and link.";
                return RedirectToPage("Index");
            case ReliefSaveResult.Invalid invalid:
                foreach (var (field, message) in invalid.Errors) ModelState.AddModelError("Input." + field, message);
                return Page();
            default:
                return NotFound();
        }
    }
}
