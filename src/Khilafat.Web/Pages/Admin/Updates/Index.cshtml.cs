using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Updates;

public class IndexModel(UpdateEditor updates) : PageModel, IPageMeta
{
    public IReadOnlyList<UpdateListItem> Items { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Updates";

    public async Task OnGetAsync(CancellationToken ct) => Items = await updates.ListAsync(ct);
}
