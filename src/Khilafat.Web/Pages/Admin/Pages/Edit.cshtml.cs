using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Pages;

public class EditModel(PageEditor pages, TextEditor texts) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public PageForm Input { get; set; } = new();

    public EditablePage Stored { get; private set; } = null!;

    /// <summary>Each other language, and whether the page is translated into it (null: not yet; else published or draft).</summary>
    public IReadOnlyList<(string Culture, bool? IsPublished)> Translations { get; private set; } = [];

    public string Title => "Edit page";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = PageForm.From(Stored);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, TextChange.Unpublish);

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        if (!await LoadAsync(id, default)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await pages.UpdateAsync(id, Input.Version, Input.Slug, Input.ToInput(), change, Actor.From(User), ((IChangeDescription)Input).Publication, Input.HasPublicHistory,
            leadImage: new Khilafat.Web.Media.LeadImageChoice(Input.LeadImageId));
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => "Published. The public page shows it now.",
            TextChange.Unpublish => "Unpublished. The page is now a draft and no longer public.",
            _ => Stored.Text.IsPublished ? "Saved. The public page shows it now." : "Draft saved.",
        };
        var outcome = Outcome(result, "page", Input.ToInput(), v => Input.Version = v, message, () => RedirectToPage(new { id }));
        if (Conflict is not null && await LoadAsync(id, default))
            AddConflictFields(FieldDifference.Between(PageForm.From(Stored), Input, nameof(PageForm.Slug), nameof(PageForm.HasPublicHistory), nameof(PageForm.LeadImageId)));
        return outcome;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await pages.GetAsync(id, ct) is not { } page) return false;
        Stored = page;
        var states = (await texts.StatesAsync(TextKinds.Page, ct))[id].ToList();
        Translations = SiteCultures.All.Where(TextEditor.IsTranslationCulture)
            .Select(c => (c, states.Where(s => s.Culture == c).Select(s => (bool?)s.IsPublished).FirstOrDefault()))
            .ToList();
        return true;
    }
}
