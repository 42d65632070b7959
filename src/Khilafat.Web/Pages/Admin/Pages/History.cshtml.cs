using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>A page's revisions: compare any two, restore one as a new revision.</summary>
public class HistoryModel(PageEditor pages) : PageModel, IPageMeta
{
    public EditablePage Current { get; private set; } = null!;
    public IReadOnlyList<PageRevisionItem> Revisions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public PageInput? Older { get; private set; }
    public PageInput? Newer { get; private set; }
    public IReadOnlyList<DiffLine> BodyDiff { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "History: " + Current.Content.Title;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var page = await pages.GetAsync(id, ct);
        if (page is null) return NotFound();
        Current = page;
        Revisions = await pages.RevisionsAsync(id, ct);

        // By default: what the latest save changed.
        To ??= Revisions.FirstOrDefault()?.Number;
        From ??= Revisions.Skip(1).FirstOrDefault()?.Number ?? To;
        if (From is { } from && To is { } to)
        {
            Older = await pages.RevisionAsync(id, Math.Min(from, to), ct);
            Newer = await pages.RevisionAsync(id, Math.Max(from, to), ct);
            if (Older is not null && Newer is not null) BodyDiff = LineDiff.Compare(Older.Body, Newer.Body);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number)
    {
        switch (await pages.RestoreAsync(id, number, Actor.From(User)))
        {
            case PageSaveResult.Saved:
                StatusMessage = $"Revision {number} is restored as the newest revision.";
                return RedirectToPage(new { id, from = (int?)null, to = (int?)null });
            case PageSaveResult.Invalid invalid:
                StatusMessage = "Revision " + number + " cannot be restored: " + string.Join(" ", invalid.Errors.Values);
                return RedirectToPage(new { id });
            case PageSaveResult.Conflict:
                StatusMessage = "Someone saved the page at the same moment. Look at the newest revision, then restore again if you still want to.";
                return RedirectToPage(new { id });
            default:
                return NotFound();
        }
    }
}
