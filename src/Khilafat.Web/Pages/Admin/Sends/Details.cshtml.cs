using Khilafat.Web.Audit;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Sends;

/// <summary>
/// A send's progress, with pause and resume (cancel asks first, on its own page). While it sends, the page reloads
/// itself by the Refresh header, which every browser honours without script; the editor can stop that (WCAG 2.2.2).
/// </summary>
public class DetailsModel(UpdateSends sends) : PageModel, IPageMeta
{
    public const int RefreshSeconds = 10;

    public SendProgress Send { get; private set; } = null!;

    /// <summary>What editors did to the send, from the audit log (which only admins can read whole).</summary>
    public IReadOnlyList<SendEvent> History { get; private set; } = [];

    /// <summary>True when this response asks the browser to reload it.</summary>
    public bool Refreshing { get; private set; }

    /// <summary>False when the editor asked the page to stop reloading itself (?refresh=off).</summary>
    public bool RefreshWanted { get; private set; } = true;

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Send: " + Send.Title;

    public async Task<IActionResult> OnGetAsync(int id, string? refresh, CancellationToken ct)
    {
        var send = await sends.ProgressAsync(id, ct);
        if (send is null) return NotFound();
        Send = send;
        History = await sends.HistoryAsync(id, ct);
        RefreshWanted = refresh != "off";
        Refreshing = RefreshWanted && send.Status == SendStatus.Sending;
        if (Refreshing) Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostPauseAsync(int id)
    {
        if (await sends.ProgressAsync(id) is null) return NotFound();
        StatusMessage = await sends.PauseAsync(id, Actor.From(User))
            ? "Paused: no more messages go until you resume."
            : "Only a send that is going can be paused.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResumeAsync(int id)
    {
        if (await sends.ProgressAsync(id) is null) return NotFound();
        StatusMessage = await sends.ResumeAsync(id, Actor.From(User))
            ? "Resumed: the rest of the messages go out at the list's pace."
            : "Only a paused send can be resumed.";
        return RedirectToPage(new { id });
    }
}
