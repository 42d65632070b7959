using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Relief;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Relief;

public class IndexModel(ReliefDirectory relief, PageEditor pages, SiteTimeZone zone) : PageModel, IPageMeta
{
    public IReadOnlyList<ReliefListItem> Entries { get; private set; } = [];

    /// <summary>The "how we choose" page's id, for the link to its editor; null when it is gone.</summary>
    public int? HowWeChooseId { get; private set; }

    public SiteTimeZone Zone => zone;

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Relief organisations";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await relief.ListAsync(ct);
        HowWeChooseId = (await pages.ListAsync(ct)).FirstOrDefault(p => p.Slug == ReliefPages.HowWeChooseSlug)?.Id;
    }

    public async Task<IActionResult> OnPostCheckedAsync(int id, CancellationToken ct)
    {
        if (!await relief.MarkCheckedAsync(id, Actor.From(User), ct)) return NotFound();
        StatusMessage = "Marked as checked today.";
        return RedirectToPage();
    }
}
