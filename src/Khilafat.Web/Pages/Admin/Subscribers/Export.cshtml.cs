using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers;

/// <summary>The filtered list as a CSV download, streamed from the database as it is written.</summary>
public class ExportModel(SubscriberAdministration subscribers, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubscriberQuery Query { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.CacheControl = "no-store, no-cache";
        Response.Headers.ContentDisposition = $"attachment; filename=\"subscribers-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await subscribers.ExportAsync(Query.ToFilter(), Response.Body, Actor.From(User), ct);
        return new EmptyResult();
    }
}
