using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>A page's translation, edited beside its English original, with its own draft or published state and revisions.</summary>
public class TranslateModel(PageEditor pages, TextEditor texts, ChangeLog changes) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public TranslationForm Input { get; set; } = new();

    public EditablePage Original { get; private set; } = null!;

    /// <summary>The stored translation; null until its first save.</summary>
    public TextView? Translation { get; private set; }

    /// <summary>Set when the English changed in meaning since the published translation was made, with what changed since.</summary>
    public (OutdatedTranslation Versions, IReadOnlyList<DiffLine> Diff)? Outdated { get; private set; }

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
        var result = await texts.SaveAsync(TextItem.Page(id, Original.Slug), culture, Input.Version, input, change, Actor.From(User), ((IChangeDescription)Input).Publication);
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => "Published: the page shows in this language now.",
            TextChange.Unpublish => "Unpublished: the page shows in English in this language again.",
            _ => Translation?.IsPublished == true ? "Saved. The page shows it now." : "Draft saved.",
        };
        return Outcome(result, "translation", Input.Body, v => Input.Version = v, message, () => RedirectToPage(new { id, culture }));
    }

    private async Task<bool> LoadAsync(int id, string culture, CancellationToken ct)
    {
        if (!TextEditor.IsTranslationCulture(culture) || await pages.GetAsync(id, ct) is not { } page) return false;
        Original = page;
        Translation = await texts.GetAsync(TextKinds.Page, id, culture, ct);
        if (await changes.OutdatedAsync(TextKinds.Page, id, culture, ct) is { } outdated
            && await changes.OriginalAtAsync(TextKinds.Page, id, outdated.SourceVersion, ct) is { } then
            && await changes.OriginalAtAsync(TextKinds.Page, id, outdated.LatestVersion, ct) is { } now)
            Outdated = (outdated, LineDiff.Compare(then.Body, now.Body));
        return true;
    }
}

/// <summary>The translation editor's fields.</summary>
public sealed class TranslationForm : IChangeDescription
{
    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Khilafat.Web.Content.Page.TitleMaxLength, ErrorMessage = "The title must be at most {1} characters.")]
    public string? Title { get; set; }

    [StringLength(Khilafat.Web.Content.Page.SummaryMaxLength, ErrorMessage = "The summary must be at most {1} characters.")]
    public string? Summary { get; set; }

    [StringLength(Khilafat.Web.Content.Page.BodyMaxLength, ErrorMessage = "The body must be at most {1} characters.")]
    [Display(Name = "Body (Markdown)")]
    public string? Body { get; set; }

    public int Version { get; set; }
}
