using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Petitions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Khilafat.Web.Pages.Admin.Petitions;

/// <summary>The petition editor's fields. The editor service checks again what only the database can tell (a taken address, a date passed).</summary>
public sealed class PetitionForm : IChangeDescription, Khilafat.Web.Media.ILeadImageForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(VersionedText.TitleMaxLength, ErrorMessage = "The title must be at most {1} characters.")]
    public string Title { get; set; } = "";

    /// <summary>The address; made from the title when the petition is created, editable after.</summary>
    [StringLength(Petition.SlugMaxLength, ErrorMessage = "The address must be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lowercase letters, digits and single hyphens only (for example: stop-the-siege).")]
    [Display(Name = "Address")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Say whom the petition is addressed to.")]
    [StringLength(Petition.AddressedToMaxLength, ErrorMessage = "Whom it is addressed to must be at most {1} characters.")]
    [Display(Name = "Addressed to")]
    public string AddressedTo { get; set; } = "";

    [Required(ErrorMessage = "Enter a goal.")]
    [Range(1, Petition.MaxGoal, ErrorMessage = "Enter a goal between {1} and {2} signatures.")]
    [Display(Name = "Signature goal")]
    public int? Goal { get; set; }

    /// <summary>The closing date as entered, in the site's time zone; empty: open until closed by hand.</summary>
    [Display(Name = "Closes at")]
    [PlausibleDate]
    public DateTime? ClosesAt { get; set; }

    [StringLength(VersionedText.SummaryMaxLength, ErrorMessage = "The summary must be at most {1} characters.")]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Enter the text.")]
    [StringLength(VersionedText.BodyMaxLength, ErrorMessage = "The text must be at most {1} characters.")]
    [Display(Name = "Text (Markdown)")]
    public string? Body { get; set; }

    /// <summary>The lead image (<see cref="Khilafat.Web.Media.LeadImageChoice"/>); only the edit form has the field.</summary>
    [Display(Name = "Lead image")]
    public int? LeadImageId { get; set; }

    public int Version { get; set; }

    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    public TextInput ToInput() => new(Title ?? "", Summary ?? "", Body ?? "");

    /// <summary>The settings to save, the closing date in UTC; null when that time does not exist in the site's zone (after adding the error).</summary>
    public PetitionSettings? ToSettings(SiteTimeZone zone, ModelStateDictionary modelState)
    {
        if (ClosesAt is not { } local) return new PetitionSettings(AddressedTo ?? "", Goal ?? 0, null);
        if (zone.ToUtc(local) is { } utc) return new PetitionSettings(AddressedTo ?? "", Goal ?? 0, utc);
        modelState.AddModelError("Input." + nameof(ClosesAt), $"{local:d MMM yyyy HH:mm} does not exist in {zone.Name}: the clocks skip it. Choose another time.");
        return null;
    }

    public static PetitionForm From(EditablePetition petition, SiteTimeZone zone) => new()
    {
        Title = petition.Text.Working.Title, Slug = petition.Slug, Summary = petition.Text.Working.Summary, Body = petition.Text.Working.Body,
        AddressedTo = petition.AddressedTo, Goal = petition.Goal, ClosesAt = petition.ClosesAt is { } at ? zone.ToLocal(at) : null, Version = petition.Text.Version,
        LeadImageId = petition.LeadImageId,
    };
}
