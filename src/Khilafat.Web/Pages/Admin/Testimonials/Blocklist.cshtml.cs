using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Testimonials;

public class BlocklistModel(TestimonialModeration moderation) : PageModel, IPageMeta
{
    [BindProperty]
    [StringLength(20_000, ErrorMessage = "The blocklist must be at most {1} characters.")]
    public string? Words { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Testimonial blocklist";

    public async Task OnGetAsync(CancellationToken ct) => Words = await moderation.BlocklistTextAsync(ct);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        await moderation.SetBlocklistAsync(Words ?? "", Actor.From(User));
        StatusMessage = "The blocklist is saved. It applies to new submissions.";
        return RedirectToPage();
    }
}
