using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>A page's revisions: compare any two, restore one as a new revision.</summary>
public class HistoryModel(PageEditor pages, TranslationEditor translations) : PageModel, IPageMeta
{
    public EditablePage Current { get; private set; } = null!;
    public IReadOnlyList<PageRevisionItem> Revisions { get; private set; } = [];

    /// <summary>Whose revisions: the English original ("en", the default) or a translation ("ar", "ur").</summary>
    [BindProperty(SupportsGet = true)]
    public string Culture { get; set; } = SiteCultures.Default;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public PageInput? Older { get; private set; }
    public PageInput? Newer { get; private set; }
    public IReadOnlyList<DiffLine> BodyDiff { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "History: " + Current.Content.Title + (Culture == SiteCultures.Default ? "" : $" ({SiteCultures.NativeName(Culture)})");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var page = await pages.GetAsync(id, ct);
        if (page is null || !SiteCultures.IsSupported(Culture)) return NotFound();
        Current = page;
        Revisions = await pages.RevisionsAsync(id, Culture, ct);

        // By default: what the latest save changed.
        To ??= Revisions.FirstOrDefault()?.Number;
        From ??= Revisions.Skip(1).FirstOrDefault()?.Number ?? To;
        if (From is { } from && To is { } to)
        {
            Older = await pages.RevisionAsync(id, Math.Min(from, to), Culture, ct);
            Newer = await pages.RevisionAsync(id, Math.Max(from, to), Culture, ct);
            if (Older is not null && Newer is not null) BodyDiff = LineDiff.Compare(Older.Body, Newer.Body);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number)
    {
        var result = Culture == SiteCultures.Default
            ? await pages.RestoreAsync(id, number, Actor.From(User))
            : await translations.RestorePageAsync(id, Culture, number, Actor.From(User));
        switch (result)
        {
            case PageSaveResult.Saved:
                StatusMessage = $"Revision {number} is restored as the newest revision.";
                return RedirectToPage(new { id, culture = Culture, from = (int?)null, to = (int?)null });
            case PageSaveResult.Invalid invalid:
                StatusMessage = "Revision " + number + " cannot be restored: " + string.Join(" ", invalid.Errors.Values);
                return RedirectToPage(new { id, culture = Culture });
            case PageSaveResult.Conflict:
                StatusMessage = "Someone saved the page at the same moment. Look at the newest revision, then restore again if you still want to.";
                return RedirectToPage(new { id, culture = Culture });
            default:
                return NotFound();
        }
    }
}
