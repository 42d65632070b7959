using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Faq;

/// <summary>An FAQ entry's revisions in one language: compare any two, restore one as a new revision.</summary>
public class HistoryModel(FaqEditor faq, TextEditor texts) : PageModel, IPageMeta
{
    public EditableFaqEntry Current { get; private set; } = null!;
    public TextHistory History { get; private set; } = null!;

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
        var entry = await faq.GetAsync(id, ct);
        if (entry is null || !SiteCultures.IsSupported(Culture)) return NotFound();
        Current = entry;
        History = await texts.HistoryAsync(TextKinds.Faq, id, Culture, From, To, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number)
    {
        var result = await faq.RestoreAsync(id, Culture, number, Actor.From(User));
        if (result is TextSaveResult.NotFound) return NotFound();
        StatusMessage = RestoreMessages.For(result, number, "question");
        return RedirectToPage(new { id, culture = Culture, from = (int?)null, to = (int?)null });
    }
}
