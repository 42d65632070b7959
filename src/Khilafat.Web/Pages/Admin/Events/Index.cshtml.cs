using Khilafat.Web.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Events;

public class IndexModel(EventEditor events) : PageModel, IPageMeta
{
    public IReadOnlyList<EventListItem> Items { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Events";

    public async Task OnGetAsync(CancellationToken ct) => Items = await events.ListAsync(ct);
}
