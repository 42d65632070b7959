using Khilafat.Web.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>Check-in at the door, sized for a phone: search by name, tick who arrived. Plain forms, so it works without JavaScript.</summary>
public class CheckInModel(EventEditor events, EventAdministration administration) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public EditableEvent Stored { get; private set; } = null!;
    public CheckInList List { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Check-in: " + Stored.Text.Working.Title;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return NotFound();
        Stored = e;
        List = await administration.CheckInAsync(id, Search, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostArrivedAsync(int id, int rsvpId, bool arrived, CancellationToken ct)
    {
        if (!await administration.SetArrivedAsync(id, rsvpId, arrived, ct)) return NotFound();
        StatusMessage = arrived ? "Ticked as arrived." : "Tick taken back.";
        return RedirectToPage(new { id, search = Search });
    }
}
