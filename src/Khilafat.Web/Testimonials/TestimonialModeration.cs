using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Privacy;
using Khilafat.Web.Settings;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Testimonials;

public enum ModerationAction { Approve, Reject, MarkSpam, Feature, Unfeature, Delete }

/// <summary>What a moderation action did: how many it applied to, and how many another editor had decided meanwhile (left as they were).</summary>
public sealed record ModerationOutcome(int Applied, int DecidedMeanwhile);

public sealed record ModerationItem(
    int Id, string DisplayName, string? Place, int Rating, string Text, bool IsEdited, TestimonialStatus Status, bool IsFeatured,
    string? SpamReason, DateTime SubmittedAt, string? ModeratedBy, bool WantsNotice, string Language);

/// <summary>What editors do with testimonials. Every action is audited and shows on the public site at once.</summary>
public sealed class TestimonialModeration(
    SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, Outbox outbox, EmailTemplates templates, SiteUrls urls, SiteKeys keys,
    SiteSettingsStore settings)
{
    public async Task<IReadOnlyDictionary<TestimonialStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        var counts = await db.Testimonials.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var status in Enum.GetValues<TestimonialStatus>()) counts.TryAdd(status, 0);
        return counts;
    }

    /// <summary>The testimonials with <paramref name="status"/>, oldest first for those awaiting a decision, newest first otherwise.</summary>
    public async Task<(IReadOnlyList<ModerationItem> Items, int Page, int PageCount)> ListAsync(TestimonialStatus status, int page, CancellationToken ct = default)
    {
        const int pageSize = 50;
        var query = db.Testimonials.AsNoTracking().Where(t => t.Status == status);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        query = status == TestimonialStatus.Pending ? query.OrderBy(t => t.Id) : query.OrderByDescending(t => t.IsFeatured).ThenByDescending(t => t.Id);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new ModerationItem(t.Id, t.DisplayName, t.Place, t.Rating, t.EditedText ?? t.OriginalText, t.EditedText != null, t.Status,
                t.IsFeatured, t.SpamReason, t.SubmittedAt, t.ModeratedBy, t.NotifyOnPublish && t.Email != null, t.Language))
            .ToListAsync(ct);
        return (items, page, pageCount);
    }

    public Task<Testimonial?> GetAsync(int id, CancellationToken ct = default) =>
        db.Testimonials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>
    /// Applies <paramref name="action"/> to each of <paramref name="ids"/>. A decision (approve, reject, spam) taken from
    /// a list of <paramref name="listedAs"/> testimonials applies only to those still in that list: one that another
    /// editor decided after the list was shown is left as they decided it, and counted apart.
    /// </summary>
    public async Task<ModerationOutcome> ApplyAsync(ModerationAction action, IReadOnlyCollection<int> ids, Actor actor, TestimonialStatus? listedAs = null,
        CancellationToken ct = default)
    {
        // A number that names no action would otherwise fall to the last case of the audit's switch and be logged as a deletion.
        if (!Enum.IsDefined(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "There is no such moderation action.");
        if (ids.Count == 0) return new ModerationOutcome(0, 0);
        var (outcome, noticesQueued) = await db.WriteAsync(c => ApplyOnceAsync(action, ids, actor, listedAs, c), ct);
        if (noticesQueued) outbox.Wake();
        await cache.EvictPublicAsync(ct);
        return outcome;
    }

    private async Task<(ModerationOutcome Outcome, bool NoticesQueued)> ApplyOnceAsync(ModerationAction action, IReadOnlyCollection<int> ids, Actor actor,
        TestimonialStatus? listedAs, CancellationToken ct)
    {
        var found = await db.Testimonials.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var decides = action is ModerationAction.Approve or ModerationAction.Reject or ModerationAction.MarkSpam;
        var testimonials = decides && listedAs is { } listed ? found.Where(t => t.Status == listed).ToList() : found;
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = new List<Testimonial>();
        foreach (var t in testimonials)
        {
            switch (action)
            {
                case ModerationAction.Approve:
                    Moderate(t, TestimonialStatus.Approved, actor, now);
                    if (t.NotifyOnPublish && t.Email is not null && t.NotifiedAt is null) notices.Add(t);
                    break;
                case ModerationAction.Reject:
                    Moderate(t, TestimonialStatus.Rejected, actor, now);
                    t.IsFeatured = false;
                    break;
                case ModerationAction.MarkSpam:
                    Moderate(t, TestimonialStatus.Spam, actor, now);
                    t.IsFeatured = false;
                    t.SpamReason ??= "marked by " + actor.Name;
                    break;
                case ModerationAction.Feature:
                    t.IsFeatured = true;
                    break;
                case ModerationAction.Unfeature:
                    t.IsFeatured = false;
                    break;
                case ModerationAction.Delete:
                    db.Testimonials.Remove(t);
                    break;
            }
            db.Audit(clock, actor, AuditAction(action), AuditTargets.Testimonial(t.Id), action == ModerationAction.Delete ? null : t.DisplayName);
        }
        // Deleted from the database, so from the log's details too: their entries keep the numbers only.
        if (action == ModerationAction.Delete) await db.ForgetDetailsAsync([.. testimonials.Select(t => AuditTargets.Testimonial(t.Id))], ct);

        foreach (var t in notices)
        {
            var withdraw = urls.Absolute(SiteUrls.WithdrawTestimonialPath(t.Language, await keys.SignAsync(TestimonialService.WithdrawPurpose, t.Id)));
            outbox.Queue(OutboxKinds.TestimonialPublished, t.Email!, templates.TestimonialPublished(t.Language, t.DisplayName, urls.Absolute(SiteUrls.TestimonialsPath(t.Language)), withdraw));
            // The address has served its one purpose: it goes now, and the queued notice leaves the outbox once sent.
            t.Email = null;
            t.NotifiedAt = now;
        }
        return (new ModerationOutcome(testimonials.Count, found.Count - testimonials.Count), notices.Count > 0);
    }

    /// <summary>Refused correction: the text on the site is no longer the one the editor's form was opened on.</summary>
    public const string CorrectedMeanwhile = "Another editor corrected this text since you opened it: theirs is shown below. What you typed is kept here: save again to replace theirs.";

    /// <summary>
    /// Corrects an approved testimonial's text (the original stays as it was submitted); null when saved, else why
    /// not. <paramref name="was"/> is the text the form was
    /// opened on: when another correction has been saved since, nothing is (<see cref="CorrectedMeanwhile"/>).
    /// </summary>
    public async Task<string?> EditTextAsync(int id, string text, string? was, Actor actor, CancellationToken ct = default)
    {
        text = Normalized(text);
        if (text.Length is < Testimonial.TextMinLength or > Testimonial.TextMaxLength)
            return $"The text must be {Testimonial.TextMinLength} to {Testimonial.TextMaxLength:N0} characters.";
        var error = await db.WriteAsync(async c =>
        {
            // Two editors' corrections on two instances (PostgreSQL) take turns here, so the second sees the first's.
            await db.Database.LockAsync(AuditTargets.Testimonial(id), c);
            var testimonial = await db.Testimonials.SingleOrDefaultAsync(t => t.Id == id, c);
            if (testimonial is null) return "There is no such testimonial.";
            if (was is not null && Normalized(was) != Normalized(testimonial.Text) && text != Normalized(testimonial.Text)) return CorrectedMeanwhile;
            testimonial.EditedText = text == testimonial.OriginalText ? null : text;
            db.Audit(clock, actor, AuditActions.TestimonialEdited, AuditTargets.Testimonial(id), testimonial.DisplayName);
            return null;
        }, ct);
        if (error is null) await cache.EvictPublicAsync(ct);
        return error;
    }

    // A form sends its line breaks as CRLF, whatever the text was stored with.
    private static string Normalized(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    public async Task<string> BlocklistTextAsync(CancellationToken ct = default) =>
        await settings.GetAsync(SettingKeys.TestimonialBlocklist, ct) ?? SpamCheck.DefaultBlocklist;

    public async Task SetBlocklistAsync(string text, Actor actor, CancellationToken ct = default)
    {
        var words = SpamCheck.ParseBlocklist(text);
        await settings.SetAsync(SettingKeys.TestimonialBlocklist, string.Join("\n", words), actor, ct);
    }

    private static void Moderate(Testimonial t, TestimonialStatus status, Actor actor, DateTime now)
    {
        t.Status = status;
        t.ModeratedAt = now;
        t.ModeratedBy = actor.Name;
    }

    private static string AuditAction(ModerationAction action) => action switch
    {
        ModerationAction.Approve => AuditActions.TestimonialApproved,
        ModerationAction.Reject => AuditActions.TestimonialRejected,
        ModerationAction.MarkSpam => AuditActions.TestimonialMarkedSpam,
        ModerationAction.Feature => AuditActions.TestimonialFeatured,
        ModerationAction.Unfeature => AuditActions.TestimonialUnfeatured,
        ModerationAction.Delete => AuditActions.TestimonialDeleted,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
