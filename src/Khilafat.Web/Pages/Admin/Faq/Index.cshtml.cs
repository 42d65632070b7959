using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Faq;

public class IndexModel(FaqEditor faq) : PageModel, IPageMeta
{
    public IReadOnlyList<FaqListItem> Entries { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "FAQ";

    public async Task OnGetAsync(CancellationToken ct) => Entries = await faq.ListAsync(ct);

    public async Task<IActionResult> OnPostMoveAsync(int id, string direction) =>
        await faq.MoveAsync(id, direction == "up", Actor.From(User)) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        if (!await faq.SetPublishedAsync(id, true, Actor.From(User))) return NotFound();
        StatusMessage = "Published on /faq.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int id)
    {
        if (!await faq.SetPublishedAsync(id, false, Actor.From(User))) return NotFound();
        StatusMessage = "Unpublished: no longer on /faq.";
        return RedirectToPage();
    }
}
