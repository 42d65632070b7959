using Khilafat.Web.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin;

public class IndexModel(Dashboard dashboard) : PageModel, IPageMeta
{
    public DashboardCounts Counts { get; private set; } = null!;

    public string Title => "Dashboard";

    public async Task OnGetAsync(CancellationToken ct) => Counts = await dashboard.CountAsync(ct);
}
