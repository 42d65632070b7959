using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Pages.Admin.Pages;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>
/// An update's translation, edited beside its English original with its own draft or published state and revisions.
/// A translation shows only while the English is published, so one published before a scheduled time appears with it.
/// </summary>
public class TranslateModel(UpdateEditor updates, TextEditor texts) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public TranslationForm Input { get; set; } = new();

    public EditableUpdate Original { get; private set; } = null!;

    /// <summary>The stored translation; null until its first save.</summary>
    public TextView? Translation { get; private set; }

    public string Culture => (string)RouteData.Values["culture"]!;
    public string Direction => SiteCultures.IsRightToLeft(Culture) ? "rtl" : "ltr";
    public string Title => $"Translate into {SiteCultures.NativeName(Culture)}";

    public async Task<IActionResult> OnGetAsync(int id, string culture, CancellationToken ct)
    {
        if (!await LoadAsync(id, culture, ct)) return NotFound();
        var source = Translation?.Working ?? new TextInput("", "", "");
        Input = new TranslationForm { Title = source.Title, Summary = source.Summary, Body = source.Body, Version = Translation?.Version ?? 0 };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, TextChange.Unpublish);

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        var culture = Culture;
        if (!await LoadAsync(id, culture, default)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var input = new TextInput(Input.Title ?? "", Input.Summary ?? "", Input.Body ?? "");
        var result = await texts.SaveAsync(UpdateEditor.Item(id, Original.Slug), culture, Input.Version, input, change, Actor.From(User), ((IChangeDescription)Input).Publication);
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => Original.Text.IsPublished ? "Published: the update shows in this language now." : "Published: it will show in this language once the English is published.",
            TextChange.Unpublish => "Unpublished: the update shows in English in this language again.",
            _ => Translation?.IsPublished == true ? "Saved. Readers see it now." : "Draft saved.",
        };
        return Outcome(result, "translation", Input.Body, v => Input.Version = v, message, () => RedirectToPage(new { id, culture }));
    }

    private async Task<bool> LoadAsync(int id, string culture, CancellationToken ct)
    {
        if (!TextEditor.IsTranslationCulture(culture) || await updates.GetAsync(id, ct) is not { } update) return false;
        Original = update;
        Translation = await texts.GetAsync(TextKinds.Update, id, culture, ct);
        return true;
    }
}
