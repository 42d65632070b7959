using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Pages.Admin.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin;

/// <summary>
/// A translation's editor for any kind of text: the translation beside its English original, with its own draft or
/// published state and revisions. A kind says how its original is loaded and what its save messages say.
/// </summary>
public abstract class TranslationPageModel(TextEditor texts, ChangeLog changes) : TextEditorPageModel
{
    [BindProperty]
    public TranslationForm Input { get; set; } = new();

    /// <summary>The stored translation; null until its first save.</summary>
    public TextView? Translation { get; private set; }

    /// <summary>Set when the English changed in meaning since the published translation was made, with what changed since.</summary>
    public (OutdatedTranslation Versions, IReadOnlyList<DiffLine> Diff)? Outdated { get; private set; }

    public string Culture => (string)RouteData.Values["culture"]!;
    public string Direction => SiteCultures.IsRightToLeft(Culture) ? "rtl" : "ltr";
    public string Title => $"Translate into {SiteCultures.NativeName(Culture)}";

    /// <summary>Loads the original (and what the page shows of it) and returns its item; null when there is none.</summary>
    protected abstract Task<TextItem?> LoadOriginalAsync(int id, string culture, CancellationToken ct);

    /// <summary>What the editor is told after a save that was not only a draft.</summary>
    protected abstract string SavedMessage(TextChange change);

    /// <summary>Saves the translation; a kind whose item changes with it (an event's calendar sequence) saves both in one write.</summary>
    protected virtual Task<TextSaveResult> SaveTranslationAsync(TextItem item, string culture, int expectedVersion, TextInput input, TextChange change,
        Actor actor, TextPublication? publication) =>
        texts.SaveAsync(item, culture, expectedVersion, input, change, actor, publication);

    public async Task<IActionResult> OnGetAsync(int id, string culture, CancellationToken ct)
    {
        if (await LoadAsync(id, culture, ct) is null) return NotFound();
        var source = Translation?.Working ?? new TextInput("", "", "");
        Input = new TranslationForm { Title = source.Title, Summary = source.Summary, Body = source.Body, Version = Translation?.Version ?? 0 };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id) => SaveAsync(id, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id) => SaveAsync(id, TextChange.Unpublish);

    /// <summary>The editor vouches for a seeded translation: readers no longer see that it awaits review.</summary>
    public async Task<IActionResult> OnPostReviewedAsync(int id)
    {
        var culture = Culture;
        if (await LoadAsync(id, culture, default) is not { } item || !await texts.MarkReviewedAsync(item, culture, Actor.From(User))) return NotFound();
        StatusMessage = TranslationReview.ReviewedMessage;
        return RedirectToPage(new { id, culture });
    }

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        var culture = Culture;
        if (await LoadAsync(id, culture, default) is not { } item) return NotFound();
        if (!ModelState.IsValid) return Page();
        var input = new TextInput(Input.Title ?? "", Input.Summary ?? "", Input.Body ?? "");
        var result = await SaveTranslationAsync(item, culture, Input.Version, input, change, Actor.From(User), ((IChangeDescription)Input).Publication);
        var message = DraftMessage(change) ?? SavedMessage(change);
        return Outcome(result, "translation", input, v => Input.Version = v, message, () => RedirectToPage(new { id, culture }));
    }

    private async Task<TextItem?> LoadAsync(int id, string culture, CancellationToken ct)
    {
        if (!TextEditor.IsTranslationCulture(culture) || await LoadOriginalAsync(id, culture, ct) is not { } item) return null;
        Translation = await texts.GetAsync(item.Kind, id, culture, ct);
        Outdated = await changes.OutdatedWithChangesAsync(item.Kind, id, culture, ct);
        return item;
    }
}
