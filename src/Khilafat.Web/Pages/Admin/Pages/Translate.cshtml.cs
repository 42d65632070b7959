using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>A page's translation, edited beside its English original, with its own draft or published state and revisions.</summary>
public class TranslateModel(PageEditor pages, TextEditor texts, ChangeLog changes) : TranslationPageModel(texts, changes), IPageMeta
{
    public EditablePage Original { get; private set; } = null!;

    protected override async Task<TextItem?> LoadOriginalAsync(int id, string culture, CancellationToken ct)
    {
        if (await pages.GetAsync(id, ct) is not { } page) return null;
        Original = page;
        return TextItem.Page(id, page.Slug);
    }

    protected override string SavedMessage(TextChange change) => change switch
    {
        TextChange.Publish => "Published: the page shows in this language now.",
        TextChange.Unpublish => "Unpublished: the page shows in English in this language again.",
        _ => Translation?.IsPublished == true ? "Saved. The page shows it now." : "Draft saved.",
    };
}

/// <summary>The translation editor's fields.</summary>
public sealed class TranslationForm : IChangeDescription
{
    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    // The widest any kind allows: each kind's own limits (a page's title 200, a petition's 300) are its rules', which
    // TextEditor checks on saving. A page's limits here refused a petition's translated title its English could have.
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Khilafat.Web.Content.VersionedText.TitleMaxLength, ErrorMessage = "The title must be at most {1} characters.")]
    public string? Title { get; set; }

    [StringLength(Khilafat.Web.Content.VersionedText.SummaryMaxLength, ErrorMessage = "The summary must be at most {1} characters.")]
    public string? Summary { get; set; }

    [StringLength(Khilafat.Web.Content.VersionedText.BodyMaxLength, ErrorMessage = "The body must be at most {1} characters.")]
    [Display(Name = "Body (Markdown)")]
    public string? Body { get; set; }

    public int Version { get; set; }
}
