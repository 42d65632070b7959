using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Sends;

/// <summary>Past and current sends of updates to the list, newest first, with their figures.</summary>
public class IndexModel(UpdateSends sends) : PageModel, IPageMeta
{
    public IReadOnlyList<SendProgress> Sends { get; private set; } = [];

    public string Title => "Sends";

    public async Task OnGetAsync(CancellationToken ct) => Sends = await sends.ListAsync(ct: ct);
}
