using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Events;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>Cancel an event, or postpone it to a new date (entered in its time zone) or with its new date to be announced, each with a reason attendees are told.</summary>
public class StateModel(EventEditor events, JobAdministration jobs, IOptions<EventOptions> options) : PageModel, IPageMeta
{
    public EditableEvent Stored { get; private set; } = null!;

    [BindProperty]
    public CancelForm Cancel { get; set; } = new();

    [BindProperty]
    public PostponeForm Postpone { get; set; } = new();

    [BindProperty]
    public UndatedForm Undated { get; set; } = new();

    /// <summary>For an event waiting for its new date: when its next attendees are erased if none is set by then, in its own zone (as their emails say it).</summary>
    public DateTime? EraseUndatedOn { get; private set; }

    /// <summary>How long an answer to an event waiting for its date is kept, from the postponement or the answer.</summary>
    public int KeepUndatedDays => options.Value.EraseAttendeesOfUndatedAfterDays;

    public string Title => "Cancel or postpone";

    /// <summary>An event's state as the editors' pages name it ("Postponed, new date to be announced").</summary>
    public static string Describe(EventState state) => state switch
    {
        EventState.Cancelled => "Cancelled",
        EventState.Postponed => "Postponed",
        EventState.DateToBeAnnounced => "Postponed, new date to be announced",
        _ => "As planned",
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var e = Stored;
        var form = EventForm.From(e);
        (Postpone.StartsAt, Postpone.EndsAt) = (form.StartsAt, form.EndsAt);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        OnlyFormPosted("Cancel.");
        if (!ModelState.IsValid) return Page();
        var result = await events.CancelAsync(id, Cancel.Reason, Actor.From(User), ct);
        return Answer(result, "Cancel.", id, "The event is cancelled. Its page and calendars say so, and confirmed attendees are being told.");
    }

    public async Task<IActionResult> OnPostPostponeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var e = Stored;
        OnlyFormPosted("Postpone.");
        if (!ModelState.IsValid) return Page();
        var zone = SiteTimeZone.Find(e.Fields.TimeZone) ?? TimeZoneInfo.Utc;
        var start = SiteTimeZone.ToUtc(Postpone.StartsAt!.Value, zone);
        var end = SiteTimeZone.ToUtc(Postpone.EndsAt!.Value, zone);
        if (start is null) ModelState.AddModelError("Postpone.StartsAt", "That time does not exist in the event's time zone: the clocks skip it.");
        if (end is null) ModelState.AddModelError("Postpone.EndsAt", "That time does not exist in the event's time zone: the clocks skip it.");
        if (start is null || end is null) return Page();
        var result = await events.PostponeAsync(id, start.Value, end.Value, Postpone.Reason, Actor.From(User), ct);
        return Answer(result, "Postpone.", id, e.State == EventState.DateToBeAnnounced
            ? "The new date is set. Attendees are being told it, and they are reminded the day before."
            : "The event is postponed to its new date. Confirmed attendees are being told, and the reminder moves with it.");
    }

    public async Task<IActionResult> OnPostPostponeWithoutDateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        OnlyFormPosted("Undated.");
        if (!ModelState.IsValid) return Page();
        var result = await events.PostponeWithoutDateAsync(id, Undated.Reason, Actor.From(User), ct);
        return Answer(result, "Undated.", id, "The event is postponed, its new date to be announced. Attendees are being told; set the date here when you know it.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return false;
        Stored = e;
        if (e.State == EventState.DateToBeAnnounced && await jobs.DueAtAsync(JobKinds.EraseAttendees, EventEditor.Key(id), ct) is { } eraseAt)
            EraseUndatedOn = SiteTimeZone.ToLocal(eraseAt, SiteTimeZone.Find(e.Fields.TimeZone) ?? TimeZoneInfo.Utc);
        return true;
    }

    /// <summary>
    /// The page has two forms and each posts only its own fields: the other's (bound without its prefix, as the
    /// binder falls back to when none came) is not checked.
    /// </summary>
    private void OnlyFormPosted(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private IActionResult Answer(EventChangeResult result, string prefix, int id, string done)
    {
        if (result.Done)
        {
            TempData[StatusMessages.Key] = done;
            return RedirectToPage("Edit", new { id });
        }
        if (result.Errors is null) return NotFound();
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(prefix + field, message);
        return Page();
    }

    public sealed class CancelForm
    {
        [Required(ErrorMessage = "Say why, in a line: attendees are told.")]
        [StringLength(Event.ReasonMaxLength, ErrorMessage = "The reason must be at most {1} characters.")]
        [Display(Name = "Why it is cancelled")]
        public string? Reason { get; set; }
    }

    public sealed class UndatedForm
    {
        [Required(ErrorMessage = "Say why, in a line: attendees are told.")]
        [StringLength(Event.ReasonMaxLength, ErrorMessage = "The reason must be at most {1} characters.")]
        [Display(Name = "Why it is postponed")]
        public string? Reason { get; set; }
    }

    public sealed class PostponeForm
    {
        [Required(ErrorMessage = "Enter the new start.")]
        [Display(Name = "New start")]
        [PlausibleDate]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "Enter the new end.")]
        [Display(Name = "New end")]
        [PlausibleDate]
        public DateTime? EndsAt { get; set; }

        [Required(ErrorMessage = "Say why, in a line: attendees are told.")]
        [StringLength(Event.ReasonMaxLength, ErrorMessage = "The reason must be at most {1} characters.")]
        [Display(Name = "Why it is postponed")]
        public string? Reason { get; set; }
    }
}
