using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

public class IndexModel(PageEditor pages) : PageModel, IPageMeta
{
    public IReadOnlyList<PageListItem> Items { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Pages";

    public async Task OnGetAsync(CancellationToken ct) => Items = await pages.ListAsync(ct);
}
