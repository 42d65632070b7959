using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>The event editor's fields; times are entered in the event's own time zone. The editor service checks the rest again.</summary>
public sealed class EventForm : IChangeDescription, Khilafat.Web.Media.ILeadImageForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(VersionedText.TitleMaxLength, ErrorMessage = "The title must be at most {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(Event.SlugMaxLength, ErrorMessage = "The address must be at most {1} characters.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lowercase letters, digits and single hyphens only (for example: friday-vigil).")]
    [Display(Name = "Address")]
    public string? Slug { get; set; }

    [StringLength(VersionedText.SummaryMaxLength, ErrorMessage = "The summary must be at most {1} characters.")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Enter the description.")]
    [StringLength(VersionedText.BodyMaxLength, ErrorMessage = "The description must be at most {1} characters.")]
    [Display(Name = "Description (Markdown)")]
    public string? Body { get; set; }

    [Required(ErrorMessage = "Enter when it starts.")]
    [Display(Name = "Starts")]
    [PlausibleDate]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "Enter when it ends.")]
    [Display(Name = "Ends")]
    [PlausibleDate]
    public DateTime? EndsAt { get; set; }

    [Required(ErrorMessage = "Enter the time zone the event happens in.")]
    [StringLength(Event.TimeZoneMaxLength, ErrorMessage = "The time zone must be at most {1} characters.")]
    [Display(Name = "Time zone")]
    public string TimeZone { get; set; } = "";

    [StringLength(Event.PlaceMaxLength, ErrorMessage = "The place must be at most {1} characters.")]
    [Display(Name = "Place (address)")]
    public string? Place { get; set; }

    [StringLength(Event.OnlineUrlMaxLength, ErrorMessage = "The link must be at most {1} characters.")]
    [Display(Name = "Online link (only confirmed attendees get it)")]
    public string? OnlineUrl { get; set; }

    [Required(ErrorMessage = "Enter how many people may come.")]
    [Range(1, 1_000_000, ErrorMessage = "Enter how many people may come: from 1 to 1,000,000.")]
    [Display(Name = "Places")]
    public int? Capacity { get; set; }

    [Required(ErrorMessage = "Enter how many people one answer may bring.")]
    [Range(1, 50, ErrorMessage = "Enter how many people one answer may bring: from 1 to 50.")]
    [Display(Name = "Most people per answer")]
    public int? MaxPartySize { get; set; } = 1;

    /// <summary>Emailed to confirmed attendees when the time or place of a published event changes.</summary>
    [StringLength(Event.ReasonMaxLength, ErrorMessage = "The reason must be at most {1} characters.")]
    [Display(Name = "Why the time or place changed (emailed to attendees)")]
    public string? NoticeReason { get; set; }

    /// <summary>The lead image (<see cref="Khilafat.Web.Media.LeadImageChoice"/>); only the edit form has the field.</summary>
    [Display(Name = "Lead image")]
    public int? LeadImageId { get; set; }

    public int Version { get; set; }

    public bool IsMajorChange { get; set; }

    [StringLength(TextRevision.ChangeNoteMaxLength, ErrorMessage = "The note must be at most {1} characters.")]
    [Display(Name = "What changed, for readers")]
    public string? ChangeNote { get; set; }

    public TextInput ToInput() => new(Title ?? "", Summary ?? "", Body ?? "");

    /// <summary>
    /// The fields to save, times converted from the event's zone to UTC; null after adding the errors beside the fields
    /// (an unknown zone, or a time the clocks skip there).
    /// </summary>
    public EventFields? ToFields(ModelStateDictionary modelState)
    {
        var zoneName = (TimeZone ?? "").Trim();
        if (SiteTimeZone.Find(zoneName) is not { } zone)
        {
            modelState.AddModelError("Input." + nameof(TimeZone), "Enter a time zone by its IANA name, such as Asia/Karachi or Europe/London.");
            return null;
        }
        var start = ToUtc(StartsAt, zone, nameof(StartsAt), modelState);
        var end = ToUtc(EndsAt, zone, nameof(EndsAt), modelState);
        if (start is null || end is null) return null;
        var online = string.IsNullOrWhiteSpace(OnlineUrl) ? null : OnlineUrl.Trim();
        return new EventFields(start.Value, end.Value, zoneName, (Place ?? "").Trim(), online, Capacity ?? 0, MaxPartySize ?? 0);
    }

    /// <summary>
    /// <see cref="ToFields"/> where binding found mistakes already ("abc" for the places): null, with the editor's own
    /// checks of the fields binding let through added beside them, so that every mistake is shown at once.
    /// </summary>
    public EventFields? ToFieldsShowingEveryMistake(ModelStateDictionary modelState)
    {
        if (modelState.IsValid) return ToFields(modelState);
        var times = new ModelStateDictionary();
        var fields = ToFields(times);
        var errors = times.Where(e => e.Value is { Errors.Count: > 0 }).ToDictionary(e => e.Key["Input.".Length..], e => e.Value!.Errors[0].ErrorMessage);
        EventEditor.Rules.Check(ToInput().Clean(), errors);
        if (fields is not null) EventEditor.Check(fields, errors);
        // Checked against places that could not be read, the party's bound says nothing.
        if (modelState.GetFieldValidationState("Input." + nameof(Capacity)) == ModelValidationState.Invalid) errors.Remove(nameof(MaxPartySize));
        modelState.AddWhereNone("Input", errors);
        return null;
    }

    private static DateTime? ToUtc(DateTime? local, TimeZoneInfo zone, string field, ModelStateDictionary modelState)
    {
        if (local is not { } value) return null;
        if (SiteTimeZone.ToUtc(value, zone) is { } utc) return utc;
        modelState.AddModelError("Input." + field, $"{value:d MMM yyyy HH:mm} does not exist in {zone.Id}: the clocks skip it. Choose another time.");
        return null;
    }

    public static EventForm From(EditableEvent e)
    {
        var zone = SiteTimeZone.Find(e.Fields.TimeZone) ?? TimeZoneInfo.Utc;
        return new EventForm
        {
            Title = e.Text.Working.Title, Slug = e.Slug, Summary = e.Text.Working.Summary, Body = e.Text.Working.Body,
            StartsAt = SiteTimeZone.ToLocal(e.Fields.StartsAt, zone), EndsAt = SiteTimeZone.ToLocal(e.Fields.EndsAt, zone), TimeZone = e.Fields.TimeZone,
            Place = e.Fields.Place, OnlineUrl = e.Fields.OnlineUrl, Capacity = e.Fields.Capacity, MaxPartySize = e.Fields.MaxPartySize, Version = e.Text.Version, LeadImageId = e.LeadImageId,
        };
    }
}
