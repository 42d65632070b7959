using System.Globalization;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Media;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Updates;

public sealed record UpdateListItem(int Id, string Slug, string Title, bool IsPublished, bool HasDraft, bool ShowOnSite,
    DateTime? PublishAt, DateTime? FirstPublishedAt, DateTime UpdatedAt);

/// <summary>An update as the editor opens it: its own fields and its English text.</summary>
public sealed record EditableUpdate(int Id, string Slug, bool ShowOnSite, DateTime? PublishAt, DateTime? FirstPublishedAt, TextView Text)
{
    public string PublicPath => UpdateReader.UpdatePath(Slug);

    public int? LeadImageId { get; init; }

    /// <summary>Who asked for it to be emailed to every subscriber when its schedule publishes it; null when nobody did.</summary>
    public string? EmailOnPublishBy { get; init; }
}

/// <summary>
/// An update's own settings as an editor saves them: shown on the site or email-only, when to publish it (UTC; null: not
/// scheduled), its lead image (null: left as it is), and whether its schedule also emails it to every confirmed
/// subscriber.
/// </summary>
public sealed record UpdateSettings(bool ShowOnSite, DateTime? PublishAt, LeadImageChoice? LeadImage = null, bool EmailOnPublish = false);

/// <summary>
/// An update's own part: its address (made from its title), whether it is shown on the site, its scheduled publishing,
/// creation and deletion. Its texts, English and translated, are saved through <see cref="TextEditor"/> like every
/// other kind's. A publish time schedules a <see cref="JobKinds.PublishUpdate"/> job in the same write, so the job
/// exists exactly when the time was saved; <see cref="PublishScheduledAsync"/> is what the job runs.
/// </summary>
public sealed class UpdateEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, TextEditor texts, JobQueue jobs)
{
    public static readonly TextRules Rules = new("Title", "title", VersionedText.TitleMaxLength, VersionedText.SummaryMaxLength, "Body", "body", VersionedText.BodyMaxLength, true);

    public static readonly TextAudit Audit = new(AuditActions.UpdateCreated, AuditActions.UpdateEdited, AuditActions.UpdatePublished,
        AuditActions.UpdateUnpublished, AuditActions.UpdateRestored);

    public static TextItem Item(int id, string slug) => new(TextKinds.Update, id, slug, Rules, Audit);

    public static TextItem Item(Update update) => Item(update.Id, update.Slug);

    private const string SlugTakenMessage = "Another update already uses this address.";

    /// <summary>Every update that is not deleted, the newest first.</summary>
    public async Task<IReadOnlyList<UpdateListItem>> ListAsync(CancellationToken ct = default) =>
        await (from u in db.Updates.AsNoTracking()
               join t in db.Texts on new { Kind = TextKinds.Update, ItemId = u.Id, Culture = SiteCultures.Default } equals new { t.Kind, t.ItemId, t.Culture }
               where u.DeletedAt == null
               orderby u.FirstPublishedAt ?? u.PublishAt ?? u.CreatedAt descending, u.Id descending
               select new UpdateListItem(u.Id, u.Slug, t.Title, t.IsPublished,
                   t.IsPublished && (t.Title != t.PublishedTitle || t.Summary != t.PublishedSummary || t.Body != t.PublishedBody),
                   u.ShowOnSite, u.PublishAt, u.FirstPublishedAt, t.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>An update that is not deleted, with its English text.</summary>
    public async Task<EditableUpdate?> GetAsync(int id, CancellationToken ct = default)
    {
        var update = await db.Updates.AsNoTracking().Where(u => u.Id == id && u.DeletedAt == null).SingleOrDefaultAsync(ct);
        if (update is null) return null;
        var text = await texts.GetAsync(TextKinds.Update, id, SiteCultures.Default, ct);
        return text is null ? null : new EditableUpdate(id, update.Slug, update.ShowOnSite, update.PublishAt, update.FirstPublishedAt, text)
            { LeadImageId = update.LeadImageId, EmailOnPublishBy = update.EmailOnPublishBy };
    }

    /// <summary>
    /// Creates an update with its English text's first revision: published now, or a draft, scheduled when
    /// <paramref name="settings"/> has a publish time. Its address is made from its title, unique among updates.
    /// </summary>
    public async Task<TextSaveResult> CreateAsync(TextInput text, UpdateSettings settings, bool publish, Actor actor, CancellationToken ct = default)
    {
        var result = await texts.WriteAsync(Item(0, ""), SiteCultures.Default, async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var publishAt = publish ? null : settings.PublishAt;
            var errors = new Dictionary<string, string>();
            Rules.Check(text.Clean(), errors);
            CheckSchedule(publishAt, null, willBePublished: publish, now, errors);
            CheckEmailOnPublish(settings, publishAt, publish, errors);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);

            var slug = await NewSlugAsync(text.Clean().Title, c);
            var update = db.Updates.Add(new Update
            {
                Slug = slug, ShowOnSite = settings.ShowOnSite, PublishAt = publishAt, FirstPublishedAt = publish ? now : null, CreatedAt = now, UpdatedAt = now,
                EmailOnPublishBy = settings.EmailOnPublish ? actor.Name : null,
            }).Entity;
            var saved = await texts.AddFirstTextAsync(() => Item(update), text, publish ? TextChange.Publish : TextChange.Unpublish, actor, c);
            if (publishAt is { } at)
            {
                await jobs.ScheduleAsync(JobKinds.PublishUpdate, Key(update.Id), at, c);
                db.Audit(clock, actor, AuditActions.UpdateScheduled, Target(update.Slug), Utc(at) + (settings.EmailOnPublish ? "; emailed to every subscriber then" : ""));
            }
            return saved;
        }, ct);
        if (result is TextSaveResult.Saved && settings.PublishAt is not null && !publish) jobs.Wake();
        return result;
    }

    /// <summary>
    /// Saves an edit of the update's address, settings and English text made from version <paramref name="expectedVersion"/>;
    /// a newer save by someone else is a conflict. A changed publish time moves the job, a cleared one cancels it, and
    /// publishing by hand cancels it too. Discarding a draft leaves the settings as they are.
    /// </summary>
    public async Task<TextSaveResult> UpdateAsync(int id, int expectedVersion, string? slug, TextInput text, TextChange change, UpdateSettings settings,
        Actor actor, TextPublication? publication = null, CancellationToken ct = default)
    {
        slug = (slug ?? "").Trim();
        var scheduled = false;
        var result = await texts.WriteAsync(Item(id, slug), SiteCultures.Default, async c =>
        {
            var update = await db.Updates.SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, c);
            var stored = await texts.GetAsync(TextKinds.Update, id, SiteCultures.Default, c);
            if (update is null || stored is null) return new TextSaveResult.NotFound();
            // A stale edit is a conflict before anything else, so its author sees what changed rather than a field error.
            if (stored.Version != expectedVersion || change == TextChange.DiscardDraft)
                return await texts.SaveAsync(Item(update), SiteCultures.Default, expectedVersion, text, change, actor, publication, c);

            var now = clock.GetUtcNow().UtcDateTime;
            var willBePublished = change switch { TextChange.Publish => true, TextChange.Unpublish => false, _ => stored.IsPublished };
            var publishAt = willBePublished ? null : settings.PublishAt;
            var errors = new Dictionary<string, string>();
            Rules.Check(text.Clean(), errors);
            await CheckSlugAsync(slug, id, errors, c);
            await db.CheckLeadImageAsync(settings.LeadImage, errors, c);
            if (change != TextChange.Publish && settings.PublishAt is not null && willBePublished)
                errors["PublishAt"] = "This update is already published, so it needs no publish time: clear the time, or unpublish the update first.";
            else CheckSchedule(publishAt, update.PublishAt, willBePublished, now, errors);
            CheckEmailOnPublish(settings, publishAt, willBePublished, errors);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);

            var itemChanges = new List<string>();
            if (slug != update.Slug)
            {
                itemChanges.Add($"address changed from {update.Slug}");
                await FreeSlugOfDeletedUpdateAsync(slug, c);
                update.Slug = slug;
            }
            if (settings.ShowOnSite != update.ShowOnSite)
            {
                itemChanges.Add(settings.ShowOnSite ? "shown on the site" : "email only");
                update.ShowOnSite = settings.ShowOnSite;
            }
            if (LeadImages.Apply(settings.LeadImage, update.LeadImageId, image => update.LeadImageId = image) is { } leadImageChange) itemChanges.Add(leadImageChange);
            if (settings.EmailOnPublish != (update.EmailOnPublishBy is not null))
            {
                itemChanges.Add(settings.EmailOnPublish ? "to be emailed to every subscriber when published" : "no longer emailed when published");
                update.EmailOnPublishBy = settings.EmailOnPublish ? actor.Name : null;
            }
            if (publishAt != update.PublishAt)
            {
                scheduled = publishAt is not null;
                await ScheduleAsync(update, publishAt, actor, c);
            }
            if (willBePublished) update.FirstPublishedAt ??= now;
            if (db.Entry(update).State == EntityState.Modified) update.UpdatedAt = now;
            var item = Item(update) with { ItemChange = itemChanges.Count > 0 ? string.Join("; ", itemChanges) : null };
            var saved = await texts.SaveAsync(item, SiteCultures.Default, expectedVersion, text, change, actor, publication, c);
            // Refused by the text (a major change without its note): the job and the settings roll back with it.
            return saved is TextSaveResult.Saved ? saved : throw new NotSavedException(saved);
        }, ct);
        if (result is TextSaveResult.Saved && scheduled) jobs.Wake();
        return result is TextSaveResult.Taken ? SlugTaken : result;
    }

    /// <summary>
    /// What the <see cref="JobKinds.PublishUpdate"/> job runs when the update's publish time has come: publishes its
    /// English text as it stands, if it is not yet published, and dates the update. Run twice, the second run finds
    /// nothing to do. Translations are not published here: those a translator has already published appear with the
    /// English (a translation shows only while its original is published), drafts stay drafts. False when there was
    /// nothing to publish (not due, taken back, or already published).
    /// </summary>
    public async Task<bool> PublishScheduledAsync(int id, CancellationToken ct = default) =>
        await PublishScheduledOnceAsync(id, ct) is { } done ? done
            // Another run of this job (on PostgreSQL two can overlap) or an editor saved the text at the same moment:
            // once more on what is stored now, which then finds it published, or publishes the editor's version.
            : await PublishScheduledOnceAsync(id, ct) ?? throw new InvalidOperationException($"Update {id} was saved while it was being published; trying again.");

    // Null when another save came first (a conflict).
    private async Task<bool?> PublishScheduledOnceAsync(int id, CancellationToken ct)
    {
        var published = false;
        var result = await texts.WriteAsync(Item(id, ""), SiteCultures.Default, async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var update = await db.Updates.SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, c);
            // Deleted, taken back, or moved later while this run waited: nothing to do now.
            if (update?.PublishAt is not { } at || at > now) return new TextSaveResult.NotFound();
            var text = await texts.GetAsync(TextKinds.Update, id, SiteCultures.Default, c);
            if (text is null) return new TextSaveResult.NotFound();
            update.PublishAt = null;
            update.UpdatedAt = now;
            if (text.IsPublished) return new TextSaveResult.Saved(id, text.Version);
            // Dated when the editor scheduled it, not when a site that was down came back: two updates scheduled an
            // hour apart keep their order and dates after an outage, as their readers were meant to see them.
            update.FirstPublishedAt ??= at;
            published = true;
            var saved = await texts.SaveAsync(Item(update), SiteCultures.Default, text.Version, text.Working, TextChange.Publish, Actor.System, ct: c);
            return saved is TextSaveResult.Saved ? saved : throw new NotSavedException(saved);
        }, ct);
        if (result is TextSaveResult.Conflict) return null;
        // The text's save evicts the cached pages only when readers' text changed; the list's dates may have too.
        if (result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return published && result is TextSaveResult.Saved;
    }

    /// <summary>The email goes when a scheduled publishing publishes: there must be a publish time for it to follow.</summary>
    private static void CheckEmailOnPublish(UpdateSettings settings, DateTime? publishAt, bool willBePublished, Dictionary<string, string> errors)
    {
        if (!settings.EmailOnPublish || publishAt is not null) return;
        errors["EmailOnPublish"] = willBePublished
            ? "It is published now, so nothing is emailed by itself: untick this, then email it from its Email page."
            : "Choose a publish time above: the email goes when the update is published then.";
    }

    /// <summary>
    /// Who asked for the update to be emailed when published, once it is published by its schedule (English published,
    /// no schedule left); null otherwise. Read by the publishing job after it has published.
    /// </summary>
    public Task<string?> EmailOnPublishDueAsync(int id, CancellationToken ct = default) =>
        db.Updates.Where(u => u.Id == id && u.DeletedAt == null && u.PublishAt == null && u.EmailOnPublishBy != null
                && db.Texts.Any(t => t.Kind == TextKinds.Update && t.ItemId == id && t.Culture == SiteCultures.Default && t.IsPublished))
            .Select(u => u.EmailOnPublishBy).FirstOrDefaultAsync(ct);

    /// <summary>The send has started (or had, before a crash): the request is done.</summary>
    public Task EmailOnPublishDoneAsync(int id, CancellationToken ct = default) =>
        db.WriteAsync(c => db.Updates.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailOnPublishBy, (string?)null), c), ct);

    /// <summary>Makes revision <paramref name="number"/> of the update's text in <paramref name="culture"/> current again.</summary>
    public async Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null)
    {
        var update = await db.Updates.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, ct);
        return update is null ? new TextSaveResult.NotFound() : await texts.RestoreAsync(Item(update), culture, number, actor, ct, publication);
    }

    /// <summary>
    /// Deletes an update: its address answers 410 Gone if it was ever on the site, a pending schedule is cancelled,
    /// and its texts and revisions stay for the record (unpublished). False when there is no such update.
    /// </summary>
    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var deleted = await db.WriteAsync(async c =>
        {
            var update = await db.Updates.SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, c);
            if (update is null) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            if (update.PublishAt is not null) await jobs.CancelAsync(JobKinds.PublishUpdate, Key(id), c);
            update.PublishAt = null;
            update.DeletedAt = update.UpdatedAt = now;
            var published = await db.Texts.Where(t => t.Kind == TextKinds.Update && t.ItemId == id && t.IsPublished).ToListAsync(c);
            foreach (var text in published)
            {
                (text.IsPublished, text.PublishedTitle, text.PublishedSummary, text.PublishedBody) = (false, null, null, null);
                text.Version++;
            }
            db.Audit(clock, actor, AuditActions.UpdateDeleted, Target(update.Slug), update.FirstPublishedAt is not null && update.ShowOnSite ? "410 Gone" : null);
            return true;
        }, ct);
        if (deleted) await cache.EvictPublicAsync(ct);
        return deleted;
    }

    /// <summary>The job's key for an update.</summary>
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Target(string slug) => AuditTargets.Text(TextKinds.Update, slug);

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private async Task ScheduleAsync(Update update, DateTime? publishAt, Actor actor, CancellationToken ct)
    {
        update.PublishAt = publishAt;
        if (publishAt is { } at)
        {
            await jobs.ScheduleAsync(JobKinds.PublishUpdate, Key(update.Id), at, ct);
            db.Audit(clock, actor, AuditActions.UpdateScheduled, Target(update.Slug), Utc(at));
        }
        else
        {
            await jobs.CancelAsync(JobKinds.PublishUpdate, Key(update.Id), ct);
            db.Audit(clock, actor, AuditActions.UpdateUnscheduled, Target(update.Slug));
        }
    }

    /// <summary>A new publish time must lie ahead, and only an unpublished update takes one; a time kept as it was is not checked again.</summary>
    private static void CheckSchedule(DateTime? publishAt, DateTime? stored, bool willBePublished, DateTime now, Dictionary<string, string> errors)
    {
        if (publishAt is not { } at || at == stored) return;
        if (willBePublished) errors["PublishAt"] = "This update is already published, so it needs no publish time: clear the time, or unpublish the update first.";
        else if (at <= now) errors["PublishAt"] = "Choose a publish time in the future.";
    }

    private async Task CheckSlugAsync(string slug, int id, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (slug.Length == 0) errors["Slug"] = "Enter an address.";
        else if (slug.Length > Update.SlugMaxLength) errors["Slug"] = $"The address must be at most {Update.SlugMaxLength} characters.";
        else if (!Slugs.IsWellFormed(slug)) errors["Slug"] = "Use lowercase letters, digits and single hyphens only (for example: winter-relief).";
        else if (await db.Updates.AnyAsync(u => u.Slug == slug && u.Id != id && u.DeletedAt == null, ct)) errors["Slug"] = SlugTakenMessage;
    }

    /// <summary>
    /// The title's slug ("Winter relief" becomes winter-relief), or "update" for a title with no Latin letters, with
    /// -2, -3... when another update (deleted ones too, whose addresses answer 410) has it.
    /// </summary>
    private async Task<string> NewSlugAsync(string title, CancellationToken ct)
    {
        const int room = 6;
        var stem = Slugs.FromText(title, Update.SlugMaxLength - room);
        if (stem.Length == 0) stem = "update";
        var taken = (await db.Updates.Where(u => u.Slug == stem || u.Slug.StartsWith(stem + "-")).Select(u => u.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
        {
            var slug = $"{stem}-{n}";
            if (!taken.Contains(slug)) return slug;
        }
    }

    /// <summary>An update may take the address of a deleted one, which then lets it go (and stops answering 410).</summary>
    private async Task FreeSlugOfDeletedUpdateAsync(string slug, CancellationToken ct)
    {
        var deleted = await db.Updates.SingleOrDefaultAsync(u => u.Slug == slug && u.DeletedAt != null, ct);
        if (deleted is not null) deleted.Slug = $"~deleted-{deleted.Id}";
    }

    private static TextSaveResult.Invalid SlugTaken => new(new Dictionary<string, string> { ["Slug"] = SlugTakenMessage });
}
