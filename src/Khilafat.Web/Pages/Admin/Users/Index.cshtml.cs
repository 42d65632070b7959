using Khilafat.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Users;

public class IndexModel(UserAdministration accounts) : PageModel, IPageMeta
{
    public IReadOnlyList<UserSummary> Accounts { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Accounts";

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(ct);
}
