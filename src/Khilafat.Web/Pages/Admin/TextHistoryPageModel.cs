using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin;

/// <summary>
/// The history page of any kind's text in one language (?culture=, English by default): its revisions, the comparison
/// of any two, and restoring one as a new revision. A kind says how to name its item and how to restore.
/// </summary>
public abstract class TextHistoryPageModel(TextEditor texts, string kind, string what) : PageModel, IPageMeta
{
    public int Id { get; private set; }
    public string ItemTitle { get; private set; } = "";
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

    public string Title => "History: " + ItemTitle + (Culture == SiteCultures.Default ? "" : $" ({SiteCultures.NativeName(Culture)})");

    /// <summary>The item's English title; null when there is no such item.</summary>
    protected abstract Task<string?> ItemTitleAsync(int id, CancellationToken ct);

    protected abstract Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!SiteCultures.IsSupported(Culture) || await ItemTitleAsync(id, ct) is not { } title) return NotFound();
        (Id, ItemTitle) = (id, title);
        History = await texts.HistoryAsync(kind, id, Culture, From, To, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number)
    {
        var result = await RestoreAsync(id, Culture, number, Actor.From(User));
        if (result is TextSaveResult.NotFound) return NotFound();
        StatusMessage = result switch
        {
            TextSaveResult.Saved => $"Revision {number} is restored as the newest revision.",
            TextSaveResult.Invalid invalid => $"Revision {number} cannot be restored: " + string.Join(" ", invalid.Errors.Values),
            _ => $"Someone saved the {what} at the same moment. Look at the newest revision, then restore again if you still want to.",
        };
        return RedirectToPage(new { id, culture = Culture, from = (int?)null, to = (int?)null });
    }
}
