using System.Globalization;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Events;

/// <summary>What the event jobs share: reading the key, and mailing attendees a batch per run.</summary>
public abstract class EventJobHandler(SiteDbContext db, TimeProvider clock, Outbox outbox) : IJobHandler
{
    protected SiteDbContext Db => db;
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    protected TimeProvider Clock => clock;

    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return JobOutcome.Done;
        var outcome = await RunAsync(id, ct);
        outbox.Wake();
        return outcome;
    }

    protected abstract Task<JobOutcome> RunAsync(int eventId, CancellationToken ct);

    protected Task<bool> IsPublishedAsync(int eventId, CancellationToken ct) =>
        db.Texts.AnyAsync(t => t.Kind == TextKinds.Event && t.ItemId == eventId && t.Culture == SiteCultures.Default && t.IsPublished, ct);

    /// <summary>
    /// Queues one email to each RSVP <paramref name="pick"/> chooses (a batch), marking each as it goes in the same
    /// write, so a run repeated after a crash sends nobody twice. Again at once while any are left.
    /// </summary>
    protected async Task<JobOutcome> MailAsync(int eventId, Func<IQueryable<Rsvp>, IQueryable<Rsvp>> pick, string kind,
        Func<Event, Rsvp, CancellationToken, Task<EmailContent>> compose, Action<Event, Rsvp> mark, CancellationToken ct, Func<Event, DateTime>? expires = null)
    {
        var more = await db.WriteAsync(async c =>
        {
            var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, c);
            if (e is null) return false;
            return await JobPiece.EachAsync(pick(db.Rsvps.Where(r => r.EventId == eventId && r.Email != null && r.ErasedAt == null)).OrderBy(r => r.Id), async rsvp =>
            {
                outbox.Queue(kind, rsvp.Email!, await compose(e, rsvp, c), expiresAt: expires?.Invoke(e), rsvpId: rsvp.Id);
                mark(e, rsvp);
            }, c);
        }, ct);
        return more ? JobOutcome.Again(Now) : JobOutcome.Done;
    }
}

/// <summary>Runs <see cref="JobKinds.EventReminder"/>: the day before, each confirmed attendee gets the details (and the online link).</summary>
public sealed class EventReminderHandler(SiteDbContext db, TimeProvider clock, Outbox outbox, EventEmails emails) : EventJobHandler(db, clock, outbox)
{
    protected override async Task<JobOutcome> RunAsync(int eventId, CancellationToken ct)
    {
        var e = await Db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null || e.State is EventState.Cancelled or EventState.DateToBeAnnounced || e.StartsAt <= Now || !await IsPublishedAsync(eventId, ct)) return JobOutcome.Done;
        // Moved later while this run waited: its time is the new one's.
        if (e.StartsAt - EventEditor.ReminderBefore > Now) return JobOutcome.Again(e.StartsAt - EventEditor.ReminderBefore);
        var now = Now;
        return await MailAsync(eventId, q => q.Where(r => r.Status == RsvpStatus.Confirmed && r.ReminderSentAt == null), OutboxKinds.EventReminder,
            emails.ReminderAsync, (_, r) => r.ReminderSentAt = now, ct,
            // Waiting for a mail server that was down, it would go out after the event had begun.
            expires: e => e.StartsAt);
    }
}

/// <summary>Runs <see cref="JobKinds.EventNotice"/>: each confirmed (or waiting) attendee not yet told of the latest change of time, place or state is told, with the reason.</summary>
public sealed class EventNoticeHandler(SiteDbContext db, TimeProvider clock, Outbox outbox, EventEmails emails) : EventJobHandler(db, clock, outbox)
{
    protected override async Task<JobOutcome> RunAsync(int eventId, CancellationToken ct)
    {
        var notice = await Db.Events.Where(x => x.Id == eventId).Select(x => (int?)x.NoticeNumber).SingleOrDefaultAsync(ct);
        if (notice is null) return JobOutcome.Done;
        return await MailAsync(eventId, q => q.Where(r => (r.Status == RsvpStatus.Confirmed || r.Status == RsvpStatus.Waitlisted) && r.NoticeNumber < notice),
            OutboxKinds.EventNotice, emails.NoticeAsync, (e, r) => r.NoticeNumber = e.NoticeNumber, ct);
    }
}

/// <summary>
/// Runs <see cref="JobKinds.EraseAttendees"/>: <see cref="EventOptions.EraseAttendeesAfterDays"/> after an event ends,
/// its attendees' names and emails go; how many answered, came and brought whom stays.
/// </summary>
public sealed class EraseAttendeesHandler(SiteDbContext db, TimeProvider clock, Outbox outbox, IOptions<EventOptions> options, ILogger<EraseAttendeesHandler> logger)
    : EventJobHandler(db, clock, outbox)
{
    /// <summary>Erases who answered, keeping what the answers count (party sizes, states, dates); the number of answers erased.</summary>
    public static Task<int> EraseWhoAnswered(IQueryable<Rsvp> answers, DateTime now, CancellationToken ct) =>
        answers.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Name, (string?)null)
            .SetProperty(r => r.Email, (string?)null)
            .SetProperty(r => r.ConfirmTokenHash, (string?)null)
            .SetProperty(r => r.ErasedAt, now), ct);

    protected override async Task<JobOutcome> RunAsync(int eventId, CancellationToken ct)
    {
        var due = await Db.Events.Where(x => x.Id == eventId).Select(x => new { x.EndsAt, x.State }).SingleOrDefaultAsync(ct);
        if (due is null) return JobOutcome.Done;
        // Waiting for its new date, the event's own times say nothing: each answer is kept for
        // EventOptions.EraseAttendeesOfUndatedAfterDays from the postponement (when this job was first set) or from when
        // it was given, whichever is later, so that one given the day before a round is not erased in it.
        var undated = due.State == EventState.DateToBeAnnounced;
        var keep = TimeSpan.FromDays(options.Value.EraseAttendeesOfUndatedAfterDays);
        var at = due.EndsAt + TimeSpan.FromDays(options.Value.EraseAttendeesAfterDays);
        // Moved later (the event was postponed) while this run waited.
        if (!undated && at > Now) return JobOutcome.Again(at);
        var (erased, firstKept) = await Db.WriteAsync(async c =>
        {
            var now = Now;
            var e = await Db.Events.SingleAsync(x => x.Id == eventId, c);
            var kept = Db.Rsvps.Where(r => r.EventId == eventId && r.ErasedAt == null);
            var givenBy = now - keep;
            var answers = undated ? kept.Where(r => r.CreatedAt <= givenBy) : kept;
            await AttendeeMail.DropAsync(Db, answers, c);
            var count = await EraseWhoAnswered(answers, now, c);
            // A later round of an event still waiting for its date that found nobody new is not worth an entry.
            if (count > 0 || e.AttendeesErasedAt is null)
                Db.Audit(Clock, Actor.System, AuditActions.EventAttendeesErased, AuditTargets.Event(eventId),
                    count.ToString(CultureInfo.InvariantCulture) + " answers' names and emails erased");
            e.AttendeesErasedAt ??= now;
            return (count, undated ? await kept.OrderBy(r => r.CreatedAt).Select(r => (DateTime?)r.CreatedAt).FirstOrDefaultAsync(c) : null);
        }, ct);
        if (!undated)
        {
            logger.LogInformation("Event {Id}: {Count} answers' names and emails erased, {Days} days after it.", eventId, erased, options.Value.EraseAttendeesAfterDays);
            return JobOutcome.Done;
        }
        logger.LogInformation("Event {Id}: {Count} answers' names and emails erased, {Days} days after it was postponed with no new date or they were given.",
            eventId, erased, options.Value.EraseAttendeesOfUndatedAfterDays);
        // Still waiting, it still takes answers: the next round is when the oldest one kept has had its time, and one
        // given after this round is at least as far away.
        return JobOutcome.Again((firstKept ?? Now) + keep);
    }
}

/// <summary>
/// As an event starts, the public pages are rendered afresh: cached for up to an hour, they would still list it as
/// upcoming, with its "I am coming" button, though its RSVP page no longer takes answers.
/// </summary>
public sealed class EventStartsHandler(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        await cache.EvictPublicAsync(ct);
        return JobOutcome.Done;
    }
}
