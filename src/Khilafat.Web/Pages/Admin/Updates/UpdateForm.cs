using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Pages.Admin.Updates;

/// <summary>The update editor's fields. The editor service checks again what only the database can tell (a taken address, a time passed).</summary>
public sealed class UpdateForm : IChangeDescription, Khilafat.Web.Media.ILeadImageForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(VersionedText.TitleMaxLength, ErrorMessage = "The title must be at most {1} characters.")]
    public string Title { get; set; } = "";

    /// <summary>The address; made from the title when the update is created, editable after.</summary>
    [StringLength(Update.SlugMaxLength, ErrorMessage = "The address must be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lowercase letters, digits and single hyphens only (for example: winter-relief).")]
    [Display(Name = "Address")]
    public string? Slug { get; set; }

    [StringLength(VersionedText.SummaryMaxLength, ErrorMessage = "The summary must be at most {1} characters.")]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Enter the body.")]
    [StringLength(VersionedText.BodyMaxLength, ErrorMessage = "The body must be at most {1} characters.")]
    [Display(Name = "Body (Markdown)")]
    public string? Body { get; set; }

    [Display(Name = "Email only: never shown on the site, in its feed or sitemap")]
    public bool EmailOnly { get; set; }

    /// <summary>The publish time as entered, in the site's time zone.</summary>
    [Display(Name = "Publish at")]
    [PlausibleDate]
    public DateTime? PublishAt { get; set; }

    /// <summary>With a publish time: the schedule also emails it to every confirmed subscriber.</summary>
    [Display(Name = "Email it to every subscriber when it is published")]
    public bool EmailOnPublish { get; set; }

    /// <summary>The update's lead image (<see cref="Khilafat.Web.Media.LeadImageChoice"/>); only the edit form has the field.</summary>
    [Display(Name = "Lead image")]
    public int? LeadImageId { get; set; }

    /// <summary>The version the editor opened; a save against an older one is a conflict.</summary>
    public int Version { get; set; }

    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    public TextInput ToInput() => new(Title ?? "", Summary ?? "", Body ?? "");

    /// <summary>
    /// The settings to save, the publish time converted to UTC; null when the time entered does not exist in the
    /// site's zone (the clocks skip it), after adding that error beside the field.
    /// </summary>
    public UpdateSettings? ToSettings(SiteTimeZone zone, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        if (PublishAt is not { } local) return new UpdateSettings(!EmailOnly, null, EmailOnPublish: EmailOnPublish);
        if (zone.ToUtc(local) is { } utc) return new UpdateSettings(!EmailOnly, utc, EmailOnPublish: EmailOnPublish);
        modelState.AddModelError("Input." + nameof(PublishAt), $"{local:d MMM yyyy HH:mm} does not exist in {zone.Name}: the clocks skip it. Choose another time.");
        return null;
    }

    public static UpdateForm From(EditableUpdate update, SiteTimeZone zone) => new()
    {
        Title = update.Text.Working.Title, Slug = update.Slug, Summary = update.Text.Working.Summary, Body = update.Text.Working.Body,
        EmailOnly = !update.ShowOnSite, PublishAt = update.PublishAt is { } at ? zone.ToLocal(at) : null, Version = update.Text.Version,
        LeadImageId = update.LeadImageId, EmailOnPublish = update.EmailOnPublishBy is not null,
    };
}
