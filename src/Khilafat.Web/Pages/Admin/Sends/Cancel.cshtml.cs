using Khilafat.Web.Audit;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Sends;

/// <summary>Asks before cancelling a send: what has not gone yet never will.</summary>
public class CancelModel(UpdateSends sends) : PageModel, IPageMeta
{
    public SendProgress Send { get; private set; } = null!;

    public string Title => "Cancel the send?";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var send = await sends.ProgressAsync(id, ct);
        if (send is null) return NotFound();
        if (send.Status is not (SendStatus.Sending or SendStatus.Paused)) return RedirectToPage("Details", new { id });
        Send = send;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await sends.ProgressAsync(id) is null) return NotFound();
        TempData[StatusMessages.Key] = await sends.CancelAsync(id, Actor.From(User))
            ? "Cancelled: the messages not sent yet never will be."
            : "The send is over already: there was nothing to cancel.";
        return RedirectToPage("Details", new { id });
    }
}
