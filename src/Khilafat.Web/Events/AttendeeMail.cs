using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Events;

/// <summary>
/// Mail to attendees that is still waiting in the outbox (the mail server down, or the sender behind) when what it
/// says stops being true. Inside the write that changed it, so nothing goes out that the change made wrong.
/// </summary>
public static class AttendeeMail
{
    public const string EventCancelled = "The event was cancelled: its reminder does not go.";
    public const string EventChanged = "The event's time or place changed: attendees are told the new one instead.";
    public const string EventUnpublished = "The event was taken off the site: its reminder does not go.";

    /// <summary>
    /// Skips the event's reminders still waiting: one giving a time or place that no longer holds, or reminding of a
    /// cancelled vigil, could reach someone after the notice that replaced it. Kept, skipped, in the outbox's list.
    /// </summary>
    public static Task<int> SkipWaitingRemindersAsync(SiteDbContext db, int eventId, string reason, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Queued && m.Kind == OutboxKinds.EventReminder
                && db.Rsvps.Any(r => r.Id == m.RsvpId && r.EventId == eventId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Skipped).SetProperty(m => m.LastError, reason), ct);

    /// <summary>
    /// Deletes the mail of answers whose names and addresses are erased, waiting or sent: each holds the address, and
    /// its subject the event ("You are coming: Vigil for peace"), which would otherwise outlive the erasure by 30 days.
    /// </summary>
    public static Task<int> DropAsync(SiteDbContext db, IQueryable<Rsvp> answers, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.RsvpId != null && answers.Any(r => r.Id == m.RsvpId)).ExecuteDeleteAsync(ct);
}
