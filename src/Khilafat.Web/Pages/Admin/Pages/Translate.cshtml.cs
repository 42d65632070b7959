using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;


/// <summary>A page's translation, edited beside its English original, with its own draft or published state and revisions.</summary>
public class TranslateModel(TranslationEditor translations) : PageModel, IPageMeta
{
    [BindProperty]
    public TranslationForm Input { get; set; } = new();

    public PageTranslationView View { get; private set; } = null!;
    public PageSaveResult.Conflict? Conflict { get; private set; }
    public IReadOnlyList<DiffLine> ConflictDiff { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string Culture => (string)RouteData.Values["culture"]!;
    public string Direction => SiteCultures.IsRightToLeft(Culture) ? "rtl" : "ltr";
    public string Title => $"Translate into {SiteCultures.NativeName(Culture)}";

    public async Task<IActionResult> OnGetAsync(int id, string culture, CancellationToken ct)
    {
        if (await translations.GetPageAsync(id, culture, ct) is not { } view) return NotFound();
        View = view;
        var source = view.Translation ?? new PageInput(view.Original.Slug, "", "", "");
        Input = new TranslationForm { Title = source.Title, Summary = source.Summary, Body = source.Body, Version = view.Version };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, string culture) => SaveAsync(id, culture, PublishChange.Keep);

    public Task<IActionResult> OnPostPublishAsync(int id, string culture) => SaveAsync(id, culture, PublishChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync(int id, string culture) => SaveAsync(id, culture, PublishChange.Unpublish);

    private async Task<IActionResult> SaveAsync(int id, string culture, PublishChange change)
    {
        if (await translations.GetPageAsync(id, culture) is not { } view) return NotFound();
        View = view;
        if (!ModelState.IsValid) return Page();
        var input = new PageInput(view.Original.Slug, Input.Title ?? "", Input.Summary ?? "", Input.Body ?? "");
        switch (await translations.SavePageAsync(id, culture, Input.Version, input, change, Actor.From(User)))
        {
            case PageSaveResult.Saved:
                StatusMessage = change switch
                {
                    PublishChange.Publish => "Published: the page shows in this language now.",
                    PublishChange.Unpublish => "Unpublished: the page shows in English in this language again.",
                    _ => view.IsPublished ? "Saved. The page shows it now." : "Draft saved.",
                };
                return RedirectToPage(new { id, culture });
            case PageSaveResult.Conflict conflict:
                Conflict = conflict;
                ConflictDiff = LineDiff.Compare(conflict.Current.Body, (Input.Body ?? "").Replace("\r\n", "\n"));
                ModelState.Remove("Input.Version");
                Input.Version = conflict.CurrentVersion;
                ModelState.AddModelError(string.Empty,
                    $"{conflict.LastEditor} saved this translation at {conflict.UpdatedAt:HH:mm} UTC, after you opened it. Nothing of yours was saved yet: compare the two versions below, then save again to replace theirs with yours.");
                return Page();
            case PageSaveResult.Invalid invalid:
                invalid.AddTo(ModelState);
                return Page();
            default:
                return NotFound();
        }
    }
}

/// <summary>The translation editor's fields.</summary>
public sealed class TranslationForm
{
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
