using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>The page editor's fields. The editor service checks again what only the database can tell (reserved and taken slugs).</summary>
public sealed class PageForm : IChangeDescription, Khilafat.Web.Media.ILeadImageForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Page.TitleMaxLength, ErrorMessage = "The title must be at most {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter a slug.")]
    [StringLength(Page.SlugMaxLength, ErrorMessage = "The slug must be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lowercase letters, digits and single hyphens only (for example: our-work).")]
    public string Slug { get; set; } = "";

    [StringLength(Page.SummaryMaxLength, ErrorMessage = "The summary must be at most {1} characters.")]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [StringLength(Page.BodyMaxLength, ErrorMessage = "The body must be at most {1} characters.")]
    [Display(Name = "Body (Markdown)")]
    public string? Body { get; set; }

    [Display(Name = "Show readers how this page changed")]
    public bool HasPublicHistory { get; set; }

    /// <summary>The page's lead image (<see cref="Khilafat.Web.Media.LeadImageChoice"/>); only the edit form has the field.</summary>
    [Display(Name = "Lead image")]
    public int? LeadImageId { get; set; }

    /// <summary>The version the editor opened; a save against an older one is a conflict.</summary>
    public int Version { get; set; }

    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    public TextInput ToInput() => new(Title ?? "", Summary ?? "", Body ?? "");

    public static PageForm From(EditablePage page) => new()
    {
        Slug = page.Slug, Title = page.Text.Working.Title, Summary = page.Text.Working.Summary, Body = page.Text.Working.Body,
        Version = page.Text.Version, HasPublicHistory = page.HasPublicHistory, LeadImageId = page.LeadImageId,
    };
}
