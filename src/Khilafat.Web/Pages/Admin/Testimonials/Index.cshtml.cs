using Khilafat.Web.Audit;
using Khilafat.Web.Pages.Shared;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Testimonials;

/// <summary>The moderation queue: one status at a time (Pending first), actions on one testimonial or on the ticked ones.</summary>
public class IndexModel(TestimonialModeration moderation) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public TestimonialStatus Status { get; set; } = TestimonialStatus.Pending;

    public IReadOnlyDictionary<TestimonialStatus, int> Counts { get; private set; } = null!;
    public IReadOnlyList<ModerationItem> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Testimonials";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await moderation.CountsAsync(ct);
        var (items, page, pageCount) = await moderation.ListAsync(Status, Pager.Requested(Request), ct);
        Items = items;
        Pager = Pager.For(Request, page, pageCount, "Testimonial pages");
    }

    /// <param name="do">A bulk button's action, applied to the ticked <paramref name="ids"/>.</param>
    /// <param name="row">A row button's "Action:id".</param>
    /// <param name="ids">The ticked testimonials.</param>
    public async Task<IActionResult> OnPostAsync(string? @do, string? row, int[] ids)
    {
        ModerationAction action;
        IReadOnlyCollection<int> targets;
        if (row?.Split(':') is [var rowAction, var rowId] && RejectUndefinedEnumsFilter.TryParseName(rowAction, out action) && int.TryParse(rowId, out var id))
        {
            targets = [id];
        }
        else if (RejectUndefinedEnumsFilter.TryParseName(@do, out action))
        {
            targets = ids;
        }
        else
        {
            return BadRequest();
        }

        if (targets.Count == 0)
        {
            StatusMessage = "Tick the testimonials to apply that to first.";
            return RedirectToPage(new { status = Status });
        }
        if (action == ModerationAction.Delete) return RedirectToPage("Delete", new { ids = targets.ToArray(), status = Status });

        var (count, meanwhile) = await moderation.ApplyAsync(action, targets, Actor.From(User), Status);
        StatusMessage = $"{Describe(action)}: {count} testimonial{(count == 1 ? "" : "s")}."
            + (meanwhile == 0 ? "" : $" {meanwhile} {(meanwhile == 1 ? "was" : "were")} decided by someone else after this list was shown, and {(meanwhile == 1 ? "is" : "are")} left as they decided.");
        return RedirectToPage(new { status = Status });
    }

    private static string Describe(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "Approved and published",
        ModerationAction.Reject => "Rejected",
        ModerationAction.MarkSpam => "Marked as spam",
        ModerationAction.Feature => "Featured",
        _ => "No longer featured",
    };
}
