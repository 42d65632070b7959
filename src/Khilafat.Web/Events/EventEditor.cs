using System.Globalization;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Events;

/// <summary>An event's own fields as an editor saves them: times in UTC (entered in <see cref="TimeZone"/>), place, online link, places.</summary>
public sealed record EventFields(DateTime StartsAt, DateTime EndsAt, string TimeZone, string Place, string? OnlineUrl, int Capacity, int MaxPartySize);

public sealed record EventListItem(int Id, string Slug, string Title, bool IsPublished, bool HasDraft, DateTime StartsAt, string TimeZone,
    EventState State, int Capacity, int Taken, int Waitlisted);

/// <summary>An event as the editor opens it: its fields and its English text.</summary>
public sealed record EditableEvent(int Id, string Slug, EventFields Fields, EventState State, string? StateReason, int Sequence,
    DateTime? FirstPublishedAt, TextView Text)
{
    public int? LeadImageId { get; init; }

    public string PublicPath => EventReader.EventPath(Slug);
}

/// <summary>
/// An event's own part: address, times in its own zone, place, places, state (cancelled or postponed with a reason),
/// and the jobs that follow from them (the reminder, the notice of a change, the erasure of attendees). Its texts are
/// saved through <see cref="TextEditor"/> like every kind's. Every change readers see once published raises
/// <see cref="Event.Sequence"/>, which calendars use to update the event in place.
/// </summary>
public sealed class EventEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, TextEditor texts, JobQueue jobs,
    RsvpService rsvps, IOptions<EventOptions> options)
{
    public static readonly TextRules Rules = new("Title", "title", VersionedText.TitleMaxLength, VersionedText.SummaryMaxLength, "Body", "description", VersionedText.BodyMaxLength, true);

    public static readonly TextAudit Audit = new(AuditActions.EventCreated, AuditActions.EventEdited, AuditActions.EventPublished,
        AuditActions.EventUnpublished, AuditActions.EventRestored);

    public static TextItem Item(int id, string slug) => new(TextKinds.Event, id, slug, Rules, Audit);

    public static TextItem Item(Event e) => Item(e.Id, e.Slug);

    /// <summary>How long before an event its reminder goes.</summary>
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromHours(24);

    private const string SlugTakenMessage = "Another event already uses this address.";

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every event, the latest start first, with its places taken and waiting.</summary>
    public async Task<IReadOnlyList<EventListItem>> ListAsync(CancellationToken ct = default) =>
        await (from e in db.Events.AsNoTracking()
               join t in db.Texts on new { Kind = TextKinds.Event, ItemId = e.Id, Culture = SiteCultures.Default } equals new { t.Kind, t.ItemId, t.Culture }
               orderby e.StartsAt descending, e.Id descending
               select new EventListItem(e.Id, e.Slug, t.Title, t.IsPublished,
                   t.IsPublished && (t.Title != t.PublishedTitle || t.Summary != t.PublishedSummary || t.Body != t.PublishedBody),
                   e.StartsAt, e.TimeZone, e.State, e.Capacity,
                   db.Rsvps.Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Confirmed).Sum(r => (int?)r.PartySize) ?? 0,
                   db.Rsvps.Where(r => r.EventId == e.Id && r.Status == RsvpStatus.Waitlisted).Sum(r => (int?)r.PartySize) ?? 0))
            .ToListAsync(ct);

    public async Task<EditableEvent?> GetAsync(int id, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var text = await texts.GetAsync(TextKinds.Event, id, SiteCultures.Default, ct);
        return text is null ? null : new EditableEvent(id, e.Slug, FieldsOf(e), e.State, e.StateReason, e.Sequence, e.FirstPublishedAt, text) { LeadImageId = e.LeadImageId };
    }

    private static EventFields FieldsOf(Event e) => new(e.StartsAt, e.EndsAt, e.TimeZone, e.Place, e.OnlineUrl, e.Capacity, e.MaxPartySize);

    /// <summary>Creates an event with its English text's first revision, published now or a draft; its address is made from its title.</summary>
    public async Task<TextSaveResult> CreateAsync(TextInput text, EventFields fields, bool publish, Actor actor, CancellationToken ct = default)
    {
        var result = await texts.WriteAsync(Item(0, ""), SiteCultures.Default, async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var errors = new Dictionary<string, string>();
            Rules.Check(text.Clean(), errors);
            Check(fields, errors);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);
            var e = db.Events.Add(new Event
            {
                Slug = await NewSlugAsync(text.Clean().Title, c), TimeZone = fields.TimeZone, CreatedAt = now, UpdatedAt = now,
                FirstPublishedAt = publish ? now : null, PublishedAt = publish ? now : null, Sequence = 0,
            }).Entity;
            Apply(e, fields);
            var saved = await texts.AddFirstTextAsync(() => Item(e), text, publish ? TextChange.Publish : TextChange.Unpublish, actor, c);
            await ScheduleJobsAsync(e, publish, now, c);
            return saved;
        }, ct);
        if (result is TextSaveResult.Saved) jobs.Wake();
        return result;
    }

    /// <summary>
    /// Saves an edit of the event's address, fields and English text made from version <paramref name="expectedVersion"/>.
    /// A published event whose time or place changes tells its confirmed attendees, with <paramref name="noticeReason"/>;
    /// more places promote people from the waitlist.
    /// </summary>
    public async Task<TextSaveResult> UpdateAsync(int id, int expectedVersion, string? slug, TextInput text, TextChange change, EventFields fields,
        string? noticeReason, Actor actor, TextPublication? publication = null, CancellationToken ct = default, LeadImageChoice? leadImage = null)
    {
        slug = (slug ?? "").Trim();
        noticeReason = string.IsNullOrWhiteSpace(noticeReason) ? null : noticeReason.Trim();
        var result = await texts.WriteAsync(Item(id, slug), SiteCultures.Default, async c =>
        {
            var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, c);
            var stored = await texts.GetAsync(TextKinds.Event, id, SiteCultures.Default, c);
            if (e is null || stored is null) return new TextSaveResult.NotFound();
            if (stored.Version != expectedVersion || change == TextChange.DiscardDraft)
                return await texts.SaveAsync(Item(e), SiteCultures.Default, expectedVersion, text, change, actor, publication, c);

            var now = clock.GetUtcNow().UtcDateTime;
            var errors = new Dictionary<string, string>();
            Rules.Check(text.Clean(), errors);
            Check(fields, errors);
            await CheckSlugAsync(slug, id, errors, c);
            if (noticeReason?.Length > Event.ReasonMaxLength) errors["NoticeReason"] = $"The reason must be at most {Event.ReasonMaxLength} characters.";
            await db.CheckLeadImageAsync(leadImage, errors, c);
            // An event not yet begun (or waiting for its date) moved into the past would be over at once, its
            // attendees never told and their names erased by the next round: as on the state page, the date must come.
            if (fields.StartsAt != e.StartsAt && fields.StartsAt <= now && (e.StartsAt > now || e.State == EventState.DateToBeAnnounced))
                errors.TryAdd("StartsAt", "The event has not taken place: its new start must be in the future. To call it off, cancel it.");
            await db.Database.LockAsync(LockKey(id), c);
            // Places already given stay given: fewer than that would show more coming than may come.
            if (fields.Capacity < e.Capacity)
            {
                var taken = await db.Rsvps.Where(r => r.EventId == id && r.Status == RsvpStatus.Confirmed).SumAsync(r => (int?)r.PartySize, c) ?? 0;
                if (fields.Capacity < taken) errors.TryAdd("Capacity", $"{taken} places are taken already: enter at least {taken}.");
            }
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);

            var wasPublished = stored.IsPublished;
            var willBePublished = change switch { TextChange.Publish => true, TextChange.Unpublish => false, _ => wasPublished };
            var itemChanges = new List<string>();
            if (slug != e.Slug) { itemChanges.Add($"address changed from {e.Slug}"); e.Slug = slug; }
            var timeOrPlace = fields.StartsAt != e.StartsAt || fields.EndsAt != e.EndsAt || fields.TimeZone != e.TimeZone || fields.Place != e.Place;
            if (timeOrPlace) itemChanges.Add("time or place changed");
            if (fields.Capacity != e.Capacity) itemChanges.Add($"places {e.Capacity} → {fields.Capacity}");
            if (fields.OnlineUrl != e.OnlineUrl || fields.MaxPartySize != e.MaxPartySize) itemChanges.Add("details changed");
            if (LeadImages.Apply(leadImage, e.LeadImageId, image => e.LeadImageId = image) is { } imageChange) itemChanges.Add(imageChange);
            var moreRoom = fields.Capacity > e.Capacity;
            if (fields.StartsAt != e.StartsAt) await ForgetRemindersAsync(id, c);
            if (timeOrPlace) await AttendeeMail.SkipWaitingRemindersAsync(db, id, AttendeeMail.EventChanged, c);
            else if (wasPublished && !willBePublished) await AttendeeMail.SkipWaitingRemindersAsync(db, id, AttendeeMail.EventUnpublished, c);
            // A time entered for an event waiting for its date is its new date: attendees are told it as such.
            var dateSet = e.State == EventState.DateToBeAnnounced && (fields.StartsAt != e.StartsAt || fields.EndsAt != e.EndsAt);
            if (dateSet) { e.State = EventState.Postponed; itemChanges.Add("new date set"); }
            if (timeOrPlace && wasPublished && willBePublished) await RaiseNoticeAsync(e, dateSet ? EventState.Postponed : EventState.Scheduled, noticeReason, now, c);
            Apply(e, fields);

            var readersSeeChange = itemChanges.Count > 0 || wasPublished != willBePublished
                || (change is TextChange.Keep or TextChange.Publish && (text.Clean() != stored.Working.Clean() || stored.HasDraft));
            if (willBePublished && readersSeeChange) { e.Sequence++; e.PublishedAt = now; }
            if (!wasPublished && willBePublished) e.FirstPublishedAt ??= now;
            if (db.Entry(e).State == EntityState.Modified) e.UpdatedAt = now;
            if (moreRoom) await rsvps.PromoteAsync(e, now, c);
            await ScheduleJobsAsync(e, willBePublished, now, c);
            var item = Item(e) with { ItemChange = itemChanges.Count > 0 ? string.Join("; ", itemChanges) : null };
            var saved = await texts.SaveAsync(item, SiteCultures.Default, expectedVersion, text, change, actor, publication, c);
            return saved is TextSaveResult.Saved ? saved : throw new NotSavedException(saved);
        }, ct);
        // The text's save evicted the cached pages already.
        if (result is TextSaveResult.Saved) jobs.Wake();
        return result is TextSaveResult.Taken ? SlugTaken : result;
    }

    /// <summary>
    /// Saves a translation of the event's text. One that readers see (published, unpublished, or edited while published)
    /// raises the event's SEQUENCE in the same write, so calendars subscribed in that language take the new words.
    /// </summary>
    public async Task<TextSaveResult> SaveTranslationAsync(int id, string culture, int expectedVersion, TextInput text, TextChange change, Actor actor,
        TextPublication? publication = null, CancellationToken ct = default)
    {
        var slug = await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => e.Slug).SingleOrDefaultAsync(ct);
        if (slug is null) return new TextSaveResult.NotFound();
        var result = await texts.WriteAsync(Item(id, slug), culture, async c =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == id, c);
            var wasPublished = (await texts.GetAsync(TextKinds.Event, id, culture, c))?.IsPublished == true;
            var saved = await texts.SaveAsync(Item(e), culture, expectedVersion, text, change, actor, publication, c);
            if (saved is TextSaveResult.Saved && (change is TextChange.Publish or TextChange.Unpublish || (change == TextChange.Keep && wasPublished)))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                e.Sequence++;
                (e.PublishedAt, e.UpdatedAt) = (now, now);
            }
            return saved;
        }, ct);
        return result;
    }

    /// <summary>Cancels an event with a reason: shown on its page and calendars, emailed to confirmed attendees; no reminder goes.</summary>
    public Task<EventChangeResult> CancelAsync(int id, string? reason, Actor actor, CancellationToken ct = default) =>
        ChangeStateAsync(id, EventState.Cancelled, null, reason, actor, ct);

    /// <summary>Moves an event to a new date with a reason, told to confirmed attendees; the reminder moves with it. Also sets the date of one waiting for it.</summary>
    public Task<EventChangeResult> PostponeAsync(int id, DateTime startsAt, DateTime endsAt, string? reason, Actor actor, CancellationToken ct = default) =>
        ChangeStateAsync(id, EventState.Postponed, (startsAt, endsAt), reason, actor, ct);

    /// <summary>
    /// Postpones an event before its new date is known (<see cref="EventState.DateToBeAnnounced"/>): attendees are told
    /// why and keep their answers, no reminder goes, and it stays among the upcoming events until a date is set (with
    /// <see cref="PostponeAsync"/> or the editor) or it is cancelled. Its attendees are erased
    /// <see cref="EventOptions.EraseAttendeesOfUndatedAfterDays"/> later (after answers given meanwhile, that long after
    /// each) if no date is set by then.
    /// </summary>
    public Task<EventChangeResult> PostponeWithoutDateAsync(int id, string? reason, Actor actor, CancellationToken ct = default) =>
        ChangeStateAsync(id, EventState.DateToBeAnnounced, null, reason, actor, ct);

    private async Task<EventChangeResult> ChangeStateAsync(int id, EventState state, (DateTime Start, DateTime End)? times, string? reason, Actor actor, CancellationToken ct)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var errors = new Dictionary<string, string>();
        if (reason is null) errors["Reason"] = "Say why, in a line: attendees are told.";
        else if (reason.Length > Event.ReasonMaxLength) errors["Reason"] = $"The reason must be at most {Event.ReasonMaxLength} characters.";
        if (times is { } t && t.End <= t.Start) errors["EndsAt"] = "The end must be after the start.";
        if (times is { } t2 && t2.Start <= clock.GetUtcNow().UtcDateTime) errors["StartsAt"] = "The new start must be in the future.";
        if (errors.Count > 0) return new EventChangeResult(false, errors);

        var outcome = await db.WriteAsync(async c =>
        {
            var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, c);
            if (e is null) return null;
            await db.Database.LockAsync(LockKey(id), c);
            // A change that changes nothing would still tell every attendee something happened.
            if (state == EventState.Cancelled && e.State == EventState.Cancelled)
                return new Dictionary<string, string> { ["Reason"] = "The event is already cancelled: attendees were told." };
            if (state == EventState.DateToBeAnnounced && e.State == EventState.DateToBeAnnounced)
                return new Dictionary<string, string> { ["Reason"] = "The event is already postponed with its new date to be announced: attendees were told." };
            // Waiting for its date, the event may get back the one it had.
            if (times is { } same && same.Start == e.StartsAt && same.End == e.EndsAt && e.State != EventState.DateToBeAnnounced)
                return new Dictionary<string, string> { ["StartsAt"] = "Choose the new date: the event is already at this time." };
            var now = clock.GetUtcNow().UtcDateTime;
            var published = await db.Texts.AnyAsync(x => x.Kind == TextKinds.Event && x.ItemId == id && x.Culture == SiteCultures.Default && x.IsPublished, c);
            e.State = state;
            e.StateReason = reason;
            await AttendeeMail.SkipWaitingRemindersAsync(db, id, state == EventState.Cancelled ? AttendeeMail.EventCancelled : AttendeeMail.EventChanged, c);
            await RaiseNoticeAsync(e, state, reason, now, c);
            if (times is { } moved)
            {
                if (moved.Start != e.StartsAt) await ForgetRemindersAsync(id, c);
                (e.StartsAt, e.EndsAt) = (moved.Start, moved.End);
            }
            if (published) { e.Sequence++; e.PublishedAt = now; }
            e.UpdatedAt = now;
            // In the event's history, and past the version an edit form opened before now carries (its times are the old ones).
            await texts.RecordItemChangeAsync(Item(e), state switch
            {
                EventState.Cancelled => "Cancelled",
                EventState.DateToBeAnnounced => "Postponed, new date to be announced",
                _ => "Postponed to a new date",
            }, actor, c);
            await ScheduleJobsAsync(e, published, now, c);
            // Its attendees are kept to be told the new date, for a bounded time from now (see EraseAttendeesHandler).
            if (state == EventState.DateToBeAnnounced)
                await jobs.ScheduleAsync(JobKinds.EraseAttendees, Key(e.Id), now + TimeSpan.FromDays(options.Value.EraseAttendeesOfUndatedAfterDays), c);
            db.Audit(clock, actor, state == EventState.Cancelled ? AuditActions.EventCancelled : AuditActions.EventPostponed,
                AuditTargets.Text(TextKinds.Event, e.Slug), reason);
            return new Dictionary<string, string>();
        }, ct);
        if (outcome is null) return new EventChangeResult(false, null);
        if (outcome.Count > 0) return new EventChangeResult(false, outcome);
        jobs.Wake();
        await cache.EvictPublicAsync(ct);
        return new EventChangeResult(true, null);
    }

    public async Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? new TextSaveResult.NotFound() : await texts.RestoreAsync(Item(e), culture, number, actor, ct, publication);
    }

    /// <summary>The lock that makes an event's confirmations, cancellations and edits run one at a time (PostgreSQL; SQLite's write lock does it).</summary>
    public static string LockKey(int eventId) => "event:" + eventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The reminder 24 hours before (while the event is published, not cancelled and that time is ahead), and the
    /// erasure of attendees the set number of days after its end. Inside the write that changed the event.
    /// </summary>
    private async Task ScheduleJobsAsync(Event e, bool published, DateTime now, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        // An event waiting for its new date has no time to remind of or start at; its erasure was set as it was postponed.
        var dated = e.State is not (EventState.Cancelled or EventState.DateToBeAnnounced);
        var remindAt = e.StartsAt - ReminderBefore;
        if (published && dated && remindAt > now) await jobs.ScheduleAsync(JobKinds.EventReminder, Key(e.Id), remindAt, ct);
        else await jobs.CancelAsync(JobKinds.EventReminder, Key(e.Id), ct);
        // Public pages are cached for up to an hour: at the start, the event leaves "upcoming" and its "I am coming" goes.
        if (published && dated && e.StartsAt > now) await jobs.ScheduleAsync(JobKinds.EventStarts, Key(e.Id), e.StartsAt, ct);
        else await jobs.CancelAsync(JobKinds.EventStarts, Key(e.Id), ct);
        if (e.State == EventState.DateToBeAnnounced) return;
        // Once erased, again only while answers can still come: an event that waited too long for its date takes new
        // ones once it has one.
        var eraseAt = e.EndsAt + TimeSpan.FromDays(options.Value.EraseAttendeesAfterDays);
        if (e.AttendeesErasedAt is null || eraseAt > now) await jobs.ScheduleAsync(JobKinds.EraseAttendees, Key(e.Id), eraseAt, ct);
    }

    /// <summary>
    /// Tells attendees of a change of time, place or state: raises <see cref="Event.NoticeNumber"/> and queues the
    /// notice, in the write that makes the change and before its new time and place are set, keeping the old ones
    /// for the notice's "Was:" lines. Two changes before the first one's notice has reached everyone (18:00 moved to
    /// 19:00, then to 20:00 a minute later) keep what was told before the first: those still waiting heard only 18:00,
    /// and read "When: 20:00 / Was: 18:00", never of a 19:00 they were not told. The few told of the first already (the
    /// start of a long list, or someone who answered in between) were told something else, and read the new time
    /// without a "Was:" line (<see cref="Event.NoticePreviousNumber"/>), which is true if less than it could say.
    /// </summary>
    private async Task RaiseNoticeAsync(Event e, EventState tells, string? reason, DateTime now, CancellationToken ct)
    {
        // Whom the notice job has still to tell: the same answers it picks.
        var someoneWaits = await db.Rsvps.AnyAsync(r => r.EventId == e.Id && (r.Status == RsvpStatus.Confirmed || r.Status == RsvpStatus.Waitlisted)
            && r.Email != null && r.ErasedAt == null && r.NoticeNumber < e.NoticeNumber, ct);
        if (!someoneWaits)
        {
            (e.NoticePreviousStartsAt, e.NoticePreviousEndsAt, e.NoticePreviousTimeZone, e.NoticePreviousPlace) = (e.StartsAt, e.EndsAt, e.TimeZone, e.Place);
            e.NoticePreviousNumber = e.NoticeNumber;
        }
        e.NoticeNumber++;
        (e.NoticeReason, e.NoticeState) = (reason, tells);
        await jobs.ScheduleAsync(JobKinds.EventNotice, Key(e.Id), now, ct);
    }

    /// <summary>A new time needs a new reminder: those sent for the old one no longer count.</summary>
    private Task ForgetRemindersAsync(int id, CancellationToken ct) =>
        db.Rsvps.Where(r => r.EventId == id && r.ReminderSentAt != null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, (DateTime?)null), ct);

    private static void Apply(Event e, EventFields f)
    {
        if (e.StartsAt != f.StartsAt) e.StartsAt = f.StartsAt;
        if (e.EndsAt != f.EndsAt) e.EndsAt = f.EndsAt;
        if (e.TimeZone != f.TimeZone) e.TimeZone = f.TimeZone;
        if (e.Place != f.Place) e.Place = f.Place;
        if (e.OnlineUrl != f.OnlineUrl) e.OnlineUrl = f.OnlineUrl;
        if (e.Capacity != f.Capacity) e.Capacity = f.Capacity;
        if (e.MaxPartySize != f.MaxPartySize) e.MaxPartySize = f.MaxPartySize;
    }

    /// <summary>The problems of an event's fields, keyed by the form's names.</summary>
    public static void Check(EventFields f, Dictionary<string, string> errors)
    {
        if (Localization.SiteTimeZone.Find(f.TimeZone) is null) errors["TimeZone"] = "Enter a time zone by its IANA name, such as Asia/Karachi or Europe/London.";
        if (f.EndsAt <= f.StartsAt) errors["EndsAt"] = "The end must be after the start.";
        if (f.Place.Length == 0 && f.OnlineUrl is null) errors["Place"] = "Enter the place, or an online link, or both.";
        if (f.Place.Length > Event.PlaceMaxLength) errors["Place"] = $"The place must be at most {Event.PlaceMaxLength} characters.";
        if (f.OnlineUrl is { } url && (url.Length > Event.OnlineUrlMaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            errors["OnlineUrl"] = "Enter a full web address starting with https://, or leave it empty.";
        if (f.Capacity is < 1 or > 1_000_000) errors["Capacity"] = "Enter how many people may come: from 1 to 1,000,000.";
        if (f.MaxPartySize < 1 || f.MaxPartySize > 50 || f.MaxPartySize > Math.Max(1, f.Capacity))
            errors["MaxPartySize"] = "Enter how many people one answer may bring: from 1 to 50, and no more than the places.";
    }

    private async Task CheckSlugAsync(string slug, int id, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (slug.Length == 0) errors["Slug"] = "Enter an address.";
        else if (slug.Length > Event.SlugMaxLength) errors["Slug"] = $"The address must be at most {Event.SlugMaxLength} characters.";
        else if (!Slugs.IsWellFormed(slug) || slug == "feed") errors["Slug"] = "Use lowercase letters, digits and single hyphens only (for example: friday-vigil).";
        else if (await db.Events.AnyAsync(x => x.Slug == slug && x.Id != id, ct)) errors["Slug"] = SlugTakenMessage;
    }

    private async Task<string> NewSlugAsync(string title, CancellationToken ct)
    {
        const int room = 6;
        var stem = Slugs.FromText(title, Event.SlugMaxLength - room);
        if (stem.Length == 0 || stem == "feed") stem = "event";
        var taken = (await db.Events.Where(x => x.Slug == stem || x.Slug.StartsWith(stem + "-")).Select(x => x.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
        {
            var slug = $"{stem}-{n}";
            if (!taken.Contains(slug)) return slug;
        }
    }

    private static TextSaveResult.Invalid SlugTaken => new(new Dictionary<string, string> { ["Slug"] = SlugTakenMessage });
}

/// <summary>A cancel or postpone: done, or the problems beside the fields (null errors and not done: no such event).</summary>
public sealed record EventChangeResult(bool Done, IReadOnlyDictionary<string, string>? Errors);
