using Khilafat.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Audit;

public class IndexModel(AuditReader audit) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    public AuditPage Result { get; private set; } = null!;
    public IReadOnlyList<string> Accounts { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public string Title => "Audit log";

    public Pager Pager => Pager.For(Request, Result.Page, Result.PageCount, "Audit log pages");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await audit.ReadAsync(Account, ActionName, Pager.Requested(Request), ct);
        Accounts = await audit.ActorsAsync(ct);
        Actions = await audit.ActionsAsync(ct);
    }
}
