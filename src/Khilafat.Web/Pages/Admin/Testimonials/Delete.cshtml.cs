using Khilafat.Web.Audit;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Testimonials;

/// <summary>Deleting asks first: this page lists what will go, and only its POST deletes.</summary>
public class DeleteModel(TestimonialModeration moderation) : PageModel, IPageMeta
{
    [BindProperty(SupportsGet = true)]
    public int[] Ids { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public TestimonialStatus Status { get; set; } = TestimonialStatus.Pending;

    public IReadOnlyList<Testimonial> Testimonials { get; private set; } = [];

    public string Title => "Delete testimonials";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = new List<Testimonial>();
        foreach (var id in Ids.Distinct().Take(200))
        {
            if (await moderation.GetAsync(id, ct) is { } testimonial) found.Add(testimonial);
        }
        if (found.Count == 0) return NotFound();
        Testimonials = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var count = (await moderation.ApplyAsync(ModerationAction.Delete, Ids.Distinct().ToList(), Actor.From(User))).Applied;
        if (count == 0) return NotFound();
        TempData[StatusMessages.Key] = $"Deleted: {count} testimonial{(count == 1 ? "" : "s")}.";
        return RedirectToPage("Index", new { status = Status });
    }
}
