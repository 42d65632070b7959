using Khilafat.Web.Admin;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin;

public class IndexModel(Dashboard dashboard, ChangeLog changes) : PageModel, IPageMeta
{
    public DashboardCounts Counts { get; private set; } = null!;

    /// <summary>Published translations made from an English text whose meaning has changed since.</summary>
    public IReadOnlyList<OutdatedTranslationItem> OutdatedTranslations { get; private set; } = [];

    public string Title => "Dashboard";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await dashboard.CountAsync(ct);
        OutdatedTranslations = await changes.OutdatedTranslationsAsync(ct);
    }
}
