using Khilafat.Web.Audit;
using Khilafat.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Jobs;

public class IndexModel(JobAdministration jobs, TimeProvider clock) : PageModel, IPageMeta
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A job's state as an admin reads it. A claim outlives the process that made it (killed, or stopped before it could
    /// give it back): until the claim runs out nothing runs the job, and another runner takes it once it has.
    /// </summary>
    public string StateOf(Job job) =>
        job.Status == JobStatus.Failed ? "Failed"
        : job.ClaimedUntil > Now ? $"Running, or stopped with its run unfinished: taken again after {job.ClaimedUntil:HH:mm:ss} if so"
        : job.ClaimedUntil is not null ? "Waiting: its last run stopped unfinished, and it is taken again now"
        : "Waiting";

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
