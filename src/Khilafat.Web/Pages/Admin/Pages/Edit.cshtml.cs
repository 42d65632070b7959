using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

public class EditModel(PageEditor pages, TranslationEditor translations) : PageModel, IPageMeta
{
    [BindProperty]
    public PageForm Input { get; set; } = new();

    public bool IsPublished { get; private set; }

    /// <summary>Each other language, and whether the page is translated into it (null: not yet; else published or draft).</summary>
    public IReadOnlyList<(string Culture, bool? IsPublished)> Translations { get; private set; } = [];
    public string PublicPath { get; private set; } = "";

    /// <summary>Set when someone else saved the page after this editor opened it: what is stored now.</summary>
    public PageSaveResult.Conflict? Conflict { get; private set; }

    /// <summary>From the stored text to this editor's.</summary>
    public IReadOnlyList<DiffLine> ConflictDiff { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Title => "Edit page";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var page = await pages.GetAsync(id, ct);
        if (page is null) return NotFound();
        Input = PageForm.From(page.Content, page.Version);
        Show(page.IsPublished, page.Content.Slug);
        var states = (await translations.PageStatesAsync(ct))[id].ToList();
        Translations = SiteCultures.All.Where(TranslationEditor.IsTranslationCulture)
            .Select(c => (c, states.Where(s => s.Culture == c).Select(s => (bool?)s.IsPublished).FirstOrDefault()))
            .ToList();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, PublishChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, PublishChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, PublishChange.Unpublish);

    private async Task<IActionResult> SaveAsync(int id, PublishChange change)
    {
        var page = await pages.GetAsync(id);
        if (page is null) return NotFound();
        Show(page.IsPublished, page.Content.Slug);
        if (!ModelState.IsValid) return Page();

        switch (await pages.UpdateAsync(id, Input.Version, Input.ToInput(), change, Actor.From(User)))
        {
            case PageSaveResult.Saved:
                StatusMessage = change switch
                {
                    PublishChange.Publish => "Published. The public page shows it now.",
                    PublishChange.Unpublish => "Unpublished. The page is now a draft and no longer public.",
                    _ => page.IsPublished ? "Saved. The public page shows it now." : "Draft saved.",
                };
                return RedirectToPage(new { id });
            case PageSaveResult.Conflict conflict:
                Conflict = conflict;
                ConflictDiff = LineDiff.Compare(conflict.Current.Body, (Input.Body ?? "").Replace("\r\n", "\n"));
                // Saving again from here replaces the stored version with this editor's text, knowingly.
                ModelState.Remove("Input.Version");
                Input.Version = conflict.CurrentVersion;
                Show(conflict.IsPublished, conflict.Current.Slug);
                ModelState.AddModelError(string.Empty,
                    $"{conflict.LastEditor} saved this page at {conflict.UpdatedAt:HH:mm} UTC, after you opened it. Nothing of yours was saved yet: compare the two versions below, then save again to replace theirs with yours.");
                return Page();
            case PageSaveResult.Invalid invalid:
                invalid.AddTo(ModelState);
                return Page();
            default:
                return NotFound();
        }
    }

    private void Show(bool isPublished, string slug)
    {
        IsPublished = isPublished;
        PublicPath = slug == ContentService.HomeSlug ? "/" : "/" + slug;
    }
}
