using Khilafat.Web.Audit;
using Khilafat.Web.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>An event's answers: places taken, the attendees, the waitlist in its order, and the CSV export (audit logged).</summary>
public class RsvpsModel(EventEditor events, EventAdministration administration, TimeProvider clock) : PageModel, IPageMeta
{
    public EditableEvent Stored { get; private set; } = null!;
    public RsvpOverview Overview { get; private set; } = null!;

    public string Title => "RSVPs: " + Stored.Text.Working.Title;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e || await administration.OverviewAsync(id, ct) is not { } overview) return NotFound();
        (Stored, Overview) = (e, overview);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.CacheControl = "no-store, no-cache";
        Response.Headers.ContentDisposition = $"attachment; filename=\"rsvps-{e.Slug}-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await administration.ExportAsync(id, Response.Body, Actor.From(User), ct);
        return new EmptyResult();
    }
}
