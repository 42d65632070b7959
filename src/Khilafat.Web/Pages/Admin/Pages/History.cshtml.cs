using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>A page's revisions in one language: compare any two, restore one as a new revision.</summary>
public class HistoryModel(PageEditor pages, TextEditor texts) : PageModel, IPageMeta
{
    public EditablePage Current { get; private set; } = null!;
    public TextHistory History { get; private set; } = null!;

    /// <summary>Whose revisions: the English original ("en", the default) or a translation ("ar", "ur").</summary>
    [BindProperty(SupportsGet = true)]
    public string Culture { get; set; } = SiteCultures.Default;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "History: " + Current.Text.Working.Title + (Culture == SiteCultures.Default ? "" : $" ({SiteCultures.NativeName(Culture)})");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var page = await pages.GetAsync(id, ct);
        if (page is null || !SiteCultures.IsSupported(Culture)) return NotFound();
        Current = page;
        History = await texts.HistoryAsync(TextKinds.Page, id, Culture, From, To, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number)
    {
        var result = await pages.RestoreAsync(id, Culture, number, Actor.From(User));
        if (result is TextSaveResult.NotFound) return NotFound();
        StatusMessage = RestoreMessages.For(result, number, "page");
        return RedirectToPage(new { id, culture = Culture, from = (int?)null, to = (int?)null });
    }
}
