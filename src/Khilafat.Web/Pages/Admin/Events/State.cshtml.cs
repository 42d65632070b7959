using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Events;

/// <summary>Cancel an event, or postpone it to a new date (entered in its time zone), each with a reason attendees are told.</summary>
public class StateModel(EventEditor events) : PageModel, IPageMeta
{
    public EditableEvent Stored { get; private set; } = null!;

    [BindProperty]
    public CancelForm Cancel { get; set; } = new();

    [BindProperty]
    public PostponeForm Postpone { get; set; } = new();

    public string Title => "Cancel or postpone";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return NotFound();
        Stored = e;
        var form = EventForm.From(e);
        (Postpone.StartsAt, Postpone.EndsAt) = (form.StartsAt, form.EndsAt);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return NotFound();
        Stored = e;
        OnlyFormPosted("Cancel.");
        if (!ModelState.IsValid) return Page();
        var result = await events.CancelAsync(id, Cancel.Reason, Actor.From(User), ct);
        return Answer(result, "Cancel.", id, "The event is cancelled. Its page and calendars say so, and confirmed attendees are being told.");
    }

    public async Task<IActionResult> OnPostPostponeAsync(int id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e) return NotFound();
        Stored = e;
        OnlyFormPosted("Postpone.");
        if (!ModelState.IsValid) return Page();
        var zone = SiteTimeZone.Find(e.Fields.TimeZone) ?? TimeZoneInfo.Utc;
        var start = SiteTimeZone.ToUtc(Postpone.StartsAt!.Value, zone);
        var end = SiteTimeZone.ToUtc(Postpone.EndsAt!.Value, zone);
        if (start is null) ModelState.AddModelError("Postpone.StartsAt", "That time does not exist in the event's time zone: the clocks skip it.");
        if (end is null) ModelState.AddModelError("Postpone.EndsAt", "That time does not exist in the event's time zone: the clocks skip it.");
        if (start is null || end is null) return Page();
        var result = await events.PostponeAsync(id, start.Value, end.Value, Postpone.Reason, Actor.From(User), ct);
        return Answer(result, "Postpone.", id, "The event is postponed to its new date. Confirmed attendees are being told, and the reminder moves with it.");
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
