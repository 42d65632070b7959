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

namespace Khilafat.Web.Petitions;

public sealed record PetitionListItem(int Id, string Slug, string Title, PetitionState State, bool IsPublished, int Goal, int Confirmed, int Pending, DateTime? ClosesAt);

/// <summary>A petition as the editor opens it: its own fields and its English text.</summary>
public sealed record EditablePetition(int Id, string Slug, string AddressedTo, int Goal, DateTime? ClosesAt, PetitionState State,
    DateTime? ClosedAt, DateTime? DeliveredAt, string? DeliveryReport, DateTime? SignersErasedAt, TextView Text)
{
    public string PublicPath => PetitionReader.PetitionPath(Slug);

    public int? LeadImageId { get; init; }
}

/// <summary>A petition's own fields as an editor saves them (the closing date in UTC; null: none).</summary>
public sealed record PetitionSettings(string AddressedTo, int Goal, DateTime? ClosesAt, LeadImageChoice? LeadImage = null);

/// <summary>What changing a petition's state did.</summary>
public enum PetitionStateChange { Done, NotFound, NotAllowed }

/// <summary>
/// A petition's own part: its address, whom it is addressed to, its goal and closing date, and its state (draft, open,
/// closed, delivered with a report). Its texts, English and translated, are saved through <see cref="TextEditor"/> like
/// every other kind's. Closing schedules the <see cref="JobKinds.ErasePetitionSigners"/> job in the same write.
/// </summary>
public sealed class PetitionEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, TextEditor texts, JobQueue jobs, IOptions<PetitionOptions> options)
{
    public static readonly TextRules Rules = new("Title", "title", VersionedText.TitleMaxLength, VersionedText.SummaryMaxLength, "Body", "text", VersionedText.BodyMaxLength, true);

    public static readonly TextAudit Audit = new(AuditActions.PetitionCreated, AuditActions.PetitionEdited, AuditActions.PetitionPublished,
        AuditActions.PetitionUnpublished, AuditActions.PetitionRestored);

    public static TextItem Item(int id, string slug) => new(TextKinds.Petition, id, slug, Rules, Audit);

    private const string SlugTakenMessage = "Another petition already uses this address.";

    /// <summary>Every petition, the newest first, with its confirmed and pending signatures.</summary>
    public async Task<IReadOnlyList<PetitionListItem>> ListAsync(CancellationToken ct = default) =>
        await (from p in db.Petitions.AsNoTracking()
               join t in db.Texts on new { Kind = TextKinds.Petition, ItemId = p.Id, Culture = SiteCultures.Default } equals new { t.Kind, t.ItemId, t.Culture }
               orderby p.CreatedAt descending, p.Id descending
               select new PetitionListItem(p.Id, p.Slug, t.Title, p.State, t.IsPublished, p.Goal,
                   db.PetitionSignatures.Count(s => s.PetitionId == p.Id && s.Status == SignatureStatus.Confirmed),
                   db.PetitionSignatures.Count(s => s.PetitionId == p.Id && s.Status == SignatureStatus.Pending),
                   p.ClosesAt))
            .ToListAsync(ct);

    public async Task<EditablePetition?> GetAsync(int id, CancellationToken ct = default)
    {
        var p = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (p is null) return null;
        var text = await texts.GetAsync(TextKinds.Petition, id, SiteCultures.Default, ct);
        return text is null ? null : new EditablePetition(p.Id, p.Slug, p.AddressedTo, p.Goal, p.ClosesAt, p.State, p.ClosedAt, p.DeliveredAt, p.DeliveryReport, p.SignersErasedAt, text) { LeadImageId = p.LeadImageId };
    }

    /// <summary>Creates a draft petition with its English text's first revision; its address is made from its title.</summary>
    public async Task<TextSaveResult> CreateAsync(TextInput text, PetitionSettings settings, bool publish, Actor actor, CancellationToken ct = default) =>
        await texts.WriteAsync(Item(0, ""), SiteCultures.Default, async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var errors = new Dictionary<string, string>();
            Rules.Check(text.Clean(), errors);
            CheckSettings(settings, null, now, errors);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);
            var petition = db.Petitions.Add(new Petition
            {
                Slug = await NewSlugAsync(text.Clean().Title, c), AddressedTo = settings.AddressedTo.Trim(), Goal = settings.Goal, ClosesAt = settings.ClosesAt,
                State = PetitionState.Draft, CreatedAt = now, UpdatedAt = now,
            }).Entity;
            var saved = await texts.AddFirstTextAsync(() => Item(petition.Id, petition.Slug), text, publish ? TextChange.Publish : TextChange.Unpublish, actor, c);
            await ScheduleErasureAsync(petition, c);
            return saved;
        }, ct);

    /// <summary>Saves an edit of the petition's address, fields and English text made from version <paramref name="expectedVersion"/>.</summary>
    public async Task<TextSaveResult> UpdateAsync(int id, int expectedVersion, string? slug, TextInput text, TextChange change, PetitionSettings settings,
        Actor actor, TextPublication? publication = null, CancellationToken ct = default)
    {
        slug = (slug ?? "").Trim();
        var result = await texts.WriteAsync(Item(id, slug), SiteCultures.Default, async c =>
        {
            var petition = await db.Petitions.SingleOrDefaultAsync(p => p.Id == id, c);
            var stored = await texts.GetAsync(TextKinds.Petition, id, SiteCultures.Default, c);
            if (petition is null || stored is null) return new TextSaveResult.NotFound();
            if (stored.Version != expectedVersion || change == TextChange.DiscardDraft)
                return await texts.SaveAsync(Item(id, petition.Slug), SiteCultures.Default, expectedVersion, text, change, actor, publication, c);

            var now = clock.GetUtcNow().UtcDateTime;
            var errors = new Dictionary<string, string>();
            Rules.Check(text.Clean(), errors);
            await CheckSlugAsync(slug, id, errors, c);
            CheckSettings(settings, petition.ClosesAt, now, errors);
            await db.CheckLeadImageAsync(settings.LeadImage, errors, c);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);

            var changes = new List<string>();
            if (slug != petition.Slug) { changes.Add($"address changed from {petition.Slug}"); petition.Slug = slug; }
            if (settings.AddressedTo.Trim() != petition.AddressedTo) { changes.Add("addressed to " + settings.AddressedTo.Trim()); petition.AddressedTo = settings.AddressedTo.Trim(); }
            if (settings.Goal != petition.Goal) { changes.Add($"goal {settings.Goal}"); petition.Goal = settings.Goal; }
            if (settings.ClosesAt != petition.ClosesAt)
            {
                changes.Add(settings.ClosesAt is { } at ? "closes " + Utc(at) : "no closing date");
                petition.ClosesAt = settings.ClosesAt;
                await ScheduleErasureAsync(petition, c);
            }
            if (LeadImages.Apply(settings.LeadImage, petition.LeadImageId, image => petition.LeadImageId = image) is { } imageChange) changes.Add(imageChange);
            if (db.Entry(petition).State == EntityState.Modified) petition.UpdatedAt = now;
            var item = Item(id, petition.Slug) with { ItemChange = changes.Count > 0 ? string.Join("; ", changes) : null };
            var saved = await texts.SaveAsync(item, SiteCultures.Default, expectedVersion, text, change, actor, publication, c);
            return saved is TextSaveResult.Saved ? saved : throw new NotSavedException(saved);
        }, ct);
        return result is TextSaveResult.Taken ? new TextSaveResult.Invalid(new Dictionary<string, string> { ["Slug"] = SlugTakenMessage }) : result;
    }

    public async Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null)
    {
        var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return petition is null ? new TextSaveResult.NotFound() : await texts.RestoreAsync(Item(id, petition.Slug), culture, number, actor, ct, publication);
    }

    /// <summary>Opens a draft for signing; its English text must be published, since signers sign what they read.</summary>
    public Task<PetitionStateChange> OpenAsync(int id, Actor actor, CancellationToken ct = default) =>
        ChangeStateAsync(id, actor, async (petition, now, c) =>
        {
            if (petition.State != PetitionState.Draft) return false;
            if (!await db.Texts.AnyAsync(t => t.Kind == TextKinds.Petition && t.ItemId == id && t.Culture == SiteCultures.Default && t.IsPublished, c)) return false;
            petition.State = PetitionState.Open;
            db.Audit(clock, actor, AuditActions.PetitionOpened, AuditTargets.Petition(petition.Slug));
            return true;
        }, ct);

    /// <summary>
    /// Closes an open petition: signing stops, its count is final, and the erasure of its signers' names and emails is
    /// scheduled for Petitions:EraseSignersAfterDays later, in the same write.
    /// </summary>
    public Task<PetitionStateChange> CloseAsync(int id, Actor actor, CancellationToken ct = default) =>
        ChangeStateAsync(id, actor, async (petition, now, c) =>
        {
            if (petition.State != PetitionState.Open) return false;
            petition.State = PetitionState.Closed;
            petition.ClosedAt = Petition.EndedAt(PetitionState.Open, null, petition.ClosesAt, now) ?? now;
            await ScheduleErasureAsync(petition, c);
            db.Audit(clock, actor, AuditActions.PetitionClosed, AuditTargets.Petition(petition.Slug), $"signers erased from {Utc(EraseAt(petition.ClosedAt.Value))}");
            return true;
        }, ct);

    /// <summary>
    /// Marks a closed petition (or an open one past its closing date) delivered, with a short report shown on its page;
    /// the first time, the signers who asked are emailed the report (<see cref="PetitionDeliveredHandler"/>).
    /// </summary>
    public Task<PetitionStateChange> DeliverAsync(int id, string report, Actor actor, CancellationToken ct = default) =>
        ChangeStateAsync(id, actor, async (petition, now, c) =>
        {
            report = (report ?? "").Trim();
            if (report.Length == 0 || report.Length > Petition.DeliveryReportMaxLength) return false;
            if (petition.State == PetitionState.Open && Petition.EndedAt(petition.State, null, petition.ClosesAt, now) is { } ended)
            {
                petition.ClosedAt = ended;
                await ScheduleErasureAsync(petition, c);
            }
            else if (petition.State is not (PetitionState.Closed or PetitionState.Delivered)) return false;
            petition.State = PetitionState.Delivered;
            // The signers who asked are told once, at the first delivery: a report corrected later is not news.
            if (petition.DeliveredAt is null) await jobs.ScheduleAsync(JobKinds.PetitionDelivered, Key(petition.Id), now, c);
            petition.DeliveredAt ??= now;
            petition.DeliveryReport = report;
            db.Audit(clock, actor, AuditActions.PetitionDelivered, AuditTargets.Petition(petition.Slug));
            return true;
        }, ct);

    private async Task<PetitionStateChange> ChangeStateAsync(int id, Actor actor, Func<Petition, DateTime, CancellationToken, Task<bool>> change, CancellationToken ct)
    {
        var outcome = await db.WriteAsync(async c =>
        {
            var petition = await db.Petitions.SingleOrDefaultAsync(p => p.Id == id, c);
            if (petition is null) return PetitionStateChange.NotFound;
            var now = clock.GetUtcNow().UtcDateTime;
            if (!await change(petition, now, c)) return PetitionStateChange.NotAllowed;
            petition.UpdatedAt = now;
            return PetitionStateChange.Done;
        }, ct);
        if (outcome == PetitionStateChange.Done)
        {
            jobs.Wake();
            await cache.EvictPublicAsync(ct);
        }
        return outcome;
    }

    /// <summary>When the signers of a petition that ended at <paramref name="endedAt"/> are erased.</summary>
    public DateTime EraseAt(DateTime endedAt) => endedAt.AddDays(options.Value.EraseSignersAfterDays);

    /// <summary>
    /// Schedules (or moves) the erasure job to the time the petition's signing ended, or will end by its closing date,
    /// plus the setting; the job checks again when it runs, so a closing date moved later only delays it.
    /// </summary>
    private async Task ScheduleErasureAsync(Petition petition, CancellationToken ct)
    {
        if ((petition.ClosedAt ?? petition.ClosesAt) is { } ended)
            await jobs.ScheduleAsync(JobKinds.ErasePetitionSigners, Key(petition.Id), EraseAt(ended), ct);
        else await jobs.CancelAsync(JobKinds.ErasePetitionSigners, Key(petition.Id), ct);
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static void CheckSettings(PetitionSettings settings, DateTime? storedClosesAt, DateTime now, Dictionary<string, string> errors)
    {
        var to = (settings.AddressedTo ?? "").Trim();
        if (to.Length == 0) errors["AddressedTo"] = "Say whom the petition is addressed to.";
        else if (to.Length > Petition.AddressedToMaxLength) errors["AddressedTo"] = $"Whom it is addressed to must be at most {Petition.AddressedToMaxLength} characters.";
        if (settings.Goal is < 1 or > Petition.MaxGoal) errors["Goal"] = $"Enter a goal between 1 and {Petition.MaxGoal:N0} signatures.";
        if (settings.ClosesAt is { } at && at != storedClosesAt && at <= now) errors["ClosesAt"] = "Choose a closing date in the future, or leave it empty.";
    }

    private async Task CheckSlugAsync(string slug, int id, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (slug.Length == 0) errors["Slug"] = "Enter an address.";
        else if (slug.Length > Petition.SlugMaxLength) errors["Slug"] = $"The address must be at most {Petition.SlugMaxLength} characters.";
        else if (!Slugs.IsWellFormed(slug)) errors["Slug"] = "Use lowercase letters, digits and single hyphens only (for example: stop-the-siege).";
        else if (await db.Petitions.AnyAsync(p => p.Slug == slug && p.Id != id, ct)) errors["Slug"] = SlugTakenMessage;
    }

    /// <summary>The title's slug, or "petition" for a title with no Latin letters, with -2, -3... when taken.</summary>
    private async Task<string> NewSlugAsync(string title, CancellationToken ct)
    {
        var stem = Slugs.FromText(title, Petition.SlugMaxLength - 6);
        if (stem.Length == 0) stem = "petition";
        var taken = (await db.Petitions.Where(p => p.Slug == stem || p.Slug.StartsWith(stem + "-")).Select(p => p.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{stem}-{n}")) return $"{stem}-{n}";
    }
}
