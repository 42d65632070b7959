using Khilafat.Web.Audit;
using Khilafat.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Jobs;

public class IndexModel(JobAdministration jobs) : PageModel, IPageMeta
{
    public IReadOnlyList<Job> Jobs { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Background jobs";

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await jobs.ListAsync(ct);

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        StatusMessage = await jobs.RetryAsync(id, Actor.From(User))
            ? "The job will run again in a moment."
            : "That job is not failed (it may have been retried already).";
        return RedirectToPage();
    }
}
