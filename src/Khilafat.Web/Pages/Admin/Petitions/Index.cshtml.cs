using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Petitions;

public class IndexModel(PetitionEditor petitions) : PageModel, IPageMeta
{
    public IReadOnlyList<PetitionListItem> Items { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Petitions";

    public async Task OnGetAsync(CancellationToken ct) => Items = await petitions.ListAsync(ct);
}
