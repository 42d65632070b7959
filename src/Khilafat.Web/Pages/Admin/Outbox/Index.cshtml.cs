using Khilafat.Web.Audit;
using Khilafat.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Outbox;

public class IndexModel(OutboxAdministration outbox) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public OutboxStatus Status { get; set; } = OutboxStatus.Failed;

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = null!;
    public IReadOnlyList<OutboxItem> Messages { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Outgoing email";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await outbox.CountsAsync(ct);
        var (messages, page, pageCount) = await outbox.ListAsync(Status, Pager.Requested(Request), Counts[Status], ct);
        Messages = messages;
        Pager = Pager.For(Request, page, pageCount, $"Pages of {Status.ToString().ToLowerInvariant()} messages");
    }

    public async Task<IActionResult> OnPostRetryAsync(long? id)
    {
        var count = await outbox.RetryAsync(id, Actor.From(User));
        StatusMessage = count == 0 ? "There was nothing to retry." : $"{count} message{(count == 1 ? " is" : "s are")} queued again.";
        return RedirectToPage(new { status = OutboxStatus.Failed });
    }
}
