using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Updates;

public enum SendStartResult { Started, NotFound, NotReady, InvalidAudience, AlreadyStarted, SentBefore }

/// <summary>An update as the send page shows it: its English title, and the texts a send would take (none when the English is not published).</summary>
public sealed record SendableUpdate(int Id, string Title, IReadOnlyList<VersionedText> Texts, IReadOnlyList<EarlierSend> EarlierSends)
{
    public bool CanSend => Texts.Count > 0;
    public IReadOnlyList<string> Languages => [.. Texts.Select(t => t.Culture)];

    /// <summary>
    /// The languages whose subscribers can be sent it: those it is published in, and with its English published, every
    /// other one too (the English, in that language's message, when the editor sends them the English).
    /// </summary>
    public IReadOnlyList<string> ReaderLanguages => Languages.Contains(SiteCultures.Default) ? SiteCultures.All : Languages;

    /// <summary>The languages whose text has a draft beside its published words: a send takes the published ones.</summary>
    public IReadOnlyList<string> WithDrafts => [.. Texts.Where(t => t.Title != t.PublishedTitle || t.Summary != t.PublishedSummary || t.Body != t.PublishedBody).Select(t => t.Culture)];
}

/// <summary>A send of the update before this one (cancelled ones aside), newest first: emailing it again reaches the same people twice.</summary>
/// <summary>An audience counted by the language of the words each gets, and by each one's own.</summary>
public sealed record SendCount(IReadOnlyDictionary<string, int> ByWords, IReadOnlyDictionary<string, int> ByReader);

public sealed record EarlierSend(int Id, DateTime CreatedAt, string CreatedBy, string? Languages, string? Countries, SendStatus Status, int Sent);

/// <summary>A send's figures, for its progress page and the list of past sends.</summary>
public sealed record SendProgress(
    int Id, int UpdateId, string Title, SendStatus Status, bool Expanded, string? Languages, string? Countries,
    MissingTranslation MissingTranslation, DateTime CreatedAt, string CreatedBy, DateTime? FinishedAt,
    int Queued, int Sent, int Failed, int Skipped, int Remaining, DateTime? EstimatedFinish);

/// <summary>One thing done to a send, as the audit log recorded it: one of the <c>AuditActions.Send*</c> actions.</summary>
public sealed record SendEvent(DateTime At, string By, string Action);

/// <summary>
/// Emailing an update to the list: who it will reach, the editor's test send, starting a send (its words fixed then),
/// pausing, resuming and cancelling it, and its figures. The messages are queued in the background by
/// <see cref="SendExpansion"/> and delivered by the outbox sender, at the pace of <see cref="SendingOptions"/>.
/// </summary>
public sealed class UpdateSends(
    SiteDbContext db, TimeProvider clock, JobQueue jobs, Outbox outbox, UpdateEmails emails, IOptions<SendingOptions> sending)
{
    /// <summary>The update's texts that can be sent, by language: the published copy of each (English first). Empty when the English is not published.</summary>
    public async Task<IReadOnlyList<VersionedText>> SendableTextsAsync(int updateId, CancellationToken ct = default)
    {
        var texts = await db.Texts.AsNoTracking()
            .Where(t => t.Kind == TextKinds.Update && t.ItemId == updateId && t.IsPublished)
            .ToListAsync(ct);
        if (!texts.Any(t => t.Culture == SiteCultures.Default)) return [];
        return [.. texts.OrderBy(t => SiteCultures.All.ToList().IndexOf(t.Culture))];
    }

    /// <summary>The update with what can be sent of it; null when there is no such update.</summary>
    public async Task<SendableUpdate?> FindAsync(int updateId, CancellationToken ct = default)
    {
        if (!await db.Updates.AnyAsync(u => u.Id == updateId, ct)) return null;
        var title = await db.Texts.AsNoTracking()
            .Where(t => t.Kind == TextKinds.Update && t.ItemId == updateId && t.Culture == SiteCultures.Default)
            .Select(t => t.PublishedTitle ?? t.Title).FirstOrDefaultAsync(ct);
        var earlier = await db.UpdateSends.AsNoTracking().Where(s => s.UpdateId == updateId && s.Status != SendStatus.Cancelled)
            .OrderByDescending(s => s.Id).Select(s => new EarlierSend(s.Id, s.CreatedAt, s.CreatedBy, s.Languages, s.Countries, s.Status, s.Sent)).ToListAsync(ct);
        return new SendableUpdate(updateId, title ?? $"Update #{updateId}", await SendableTextsAsync(updateId, ct), earlier);
    }

    /// <summary>
    /// The message exactly as subscribers in <paramref name="culture"/> would get it now (its unsubscribe link a sample
    /// one), for the editor's preview and test send: in English where it has no translation in theirs, as a send that
    /// gives them the English does. Null when the update has no published text in that language or in English.
    /// </summary>
    public async Task<EmailContent?> SampleAsync(int updateId, string culture, CancellationToken ct = default)
    {
        var texts = await SendableTextsAsync(updateId, ct);
        var text = texts.FirstOrDefault(t => t.Culture == culture) ?? texts.FirstOrDefault(t => t.Culture == SiteCultures.Default);
        if (text is null) return null;
        return await emails.SampleAsync(culture, text.Culture, text.PublishedTitle!, text.PublishedBody!, await SlugOnSiteAsync(updateId, ct), ct);
    }

    /// <summary>How many the audience reaches, and in which language each will get it.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(int updateId, SendAudience audience, CancellationToken ct = default) =>
        (await CountReadersAsync(updateId, audience, ct)).ByWords;

    /// <summary>
    /// How many the audience reaches: by the language of the words each gets (<see cref="SendCount.ByWords"/>: English
    /// for a language the update has no translation in) and by their own (<see cref="SendCount.ByReader"/>).
    /// </summary>
    public async Task<SendCount> CountReadersAsync(int updateId, SendAudience audience, CancellationToken ct = default)
    {
        var translated = (await SendableTextsAsync(updateId, ct)).Select(t => t.Culture).ToList();
        var byLanguage = await audience.Query(db, translated).GroupBy(s => s.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var (byWords, byReader) = (new Dictionary<string, int>(), new Dictionary<string, int>());
        foreach (var group in byLanguage)
        {
            var reader = SiteCultures.IsSupported(group.Key) ? group.Key : SiteCultures.Default;
            byReader[reader] = byReader.GetValueOrDefault(reader) + group.Count;
            var words = translated.Contains(group.Key) ? group.Key : SiteCultures.Default;
            byWords[words] = byWords.GetValueOrDefault(words) + group.Count;
        }
        return new SendCount(byWords, byReader);
    }

    /// <summary>Queues the message as the list would get it, in one language, to one address (the editor's own, usually).</summary>
    public async Task<bool> SendTestAsync(int updateId, string culture, string to, Actor actor, CancellationToken ct = default)
    {
        var content = await SampleAsync(updateId, culture, ct);
        if (content is null) return false;
        await db.WriteAsync(_ =>
        {
            outbox.Queue(OutboxKinds.UpdateTest, to, content with { Subject = "[Test] " + content.Subject });
            db.Audit(clock, actor, AuditActions.SendTested, AuditTargets.Update(updateId), $"To {to}, in {culture}.");
            return Task.CompletedTask;
        }, ct);
        outbox.Wake();
        return true;
    }

    /// <summary>
    /// Starts a send: fixes its words (each language's published text now), and schedules the expansion that queues
    /// a message for each subscriber of the audience.
    /// </summary>
    /// <remarks>
    /// An update sent before (and not cancelled) is sent again only with <paramref name="again"/>: whoever had it would
    /// get it twice. <see cref="SendStartResult.SentBefore"/> otherwise, with the newest such send.
    /// </remarks>
    public async Task<(SendStartResult Result, int SendId)> StartAsync(int updateId, SendAudience audience, Actor actor, CancellationToken ct = default, bool again = false)
    {
        if (!audience.IsValid) return (SendStartResult.InvalidAudience, 0);
        if (!await db.Updates.AnyAsync(u => u.Id == updateId && u.DeletedAt == null, ct)) return (SendStartResult.NotFound, 0);
        var texts = await SendableTextsAsync(updateId, ct);
        if (texts.Count == 0) return (SendStartResult.NotReady, 0);
        var send = new UpdateSend
        {
            UpdateId = updateId, Status = SendStatus.Sending, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
            Languages = audience.LanguagesValue, Countries = audience.CountriesValue, MissingTranslation = audience.MissingTranslation,
        };
        foreach (var text in texts)
            send.Texts.Add(new SendText { Culture = text.Culture, Subject = text.PublishedTitle!, Body = text.PublishedBody! });
        var (already, sentBefore) = (0, 0);
        await db.WriteAsync(async c =>
        {
            // The confirmation pressed twice (or its form posted again) must not send everything twice: the same
            // editor's send of this update to this audience a moment ago is this one. On SQLite the write gate makes
            // this check and the insert one step; on PostgreSQL two posts in the same instant could still both pass.
            var since = send.CreatedAt - RepeatWindow;
            already = await db.UpdateSends
                .Where(s => s.UpdateId == updateId && s.CreatedBy == send.CreatedBy && s.CreatedAt >= since && s.Status != SendStatus.Cancelled
                    && s.Languages == send.Languages && s.Countries == send.Countries && s.MissingTranslation == send.MissingTranslation)
                .Select(s => s.Id).FirstOrDefaultAsync(c);
            if (already != 0) return;
            sentBefore = again ? 0 : await db.UpdateSends.Where(s => s.UpdateId == updateId && s.Status != SendStatus.Cancelled)
                .OrderByDescending(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(c);
            if (sentBefore != 0) return;
            db.UpdateSends.Add(send);
            await db.SaveChangesAsync(c);
            await jobs.ScheduleAsync(JobKinds.ExpandSend, send.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), send.CreatedAt, c);
            db.Audit(clock, actor, AuditActions.SendStarted, AuditTargets.Send(send.Id),
                $"Update #{updateId}; languages: {audience.LanguagesValue ?? "all"}; countries: {audience.CountriesValue ?? "all"}; missing translation: {audience.MissingTranslation}.");
        }, ct);
        if (already != 0) return (SendStartResult.AlreadyStarted, already);
        if (sentBefore != 0) return (SendStartResult.SentBefore, sentBefore);
        jobs.Wake();
        return (SendStartResult.Started, send.Id);
    }

    /// <summary>How long a send counts as the one an identical confirmation just started (see <see cref="StartAsync"/>).</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(1);

    public Task<bool> PauseAsync(int sendId, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(sendId, SendStatus.Sending, SendStatus.Paused, AuditActions.SendPaused, actor, ct);

    public async Task<bool> ResumeAsync(int sendId, Actor actor, CancellationToken ct = default)
    {
        var resumed = await ChangeAsync(sendId, SendStatus.Paused, SendStatus.Sending, AuditActions.SendResumed, actor, ct);
        // Nothing may be left to go (everyone left while it was paused): then it is over now, not when a message goes.
        if (resumed) await db.WriteAsync(c => SendFigures.FinishIfDoneAsync(db, clock, sendId, c), ct);
        if (resumed) outbox.Wake();
        return resumed;
    }

    /// <summary>Cancels a send that is going or paused: what is not sent yet never will be.</summary>
    public async Task<bool> CancelAsync(int sendId, Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(async c =>
        {
            var changed = await db.UpdateSends.Where(s => s.Id == sendId && (s.Status == SendStatus.Sending || s.Status == SendStatus.Paused))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SendStatus.Cancelled).SetProperty(s => s.FinishedAt, now), c);
            if (changed == 0) return false;
            await db.OutboxMessages.Where(m => m.SendId == sendId && m.Status == OutboxStatus.Queued)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Skipped).SetProperty(m => m.LastError, "The send was cancelled."), c);
            // Its figures are kept on it now: the sender no longer touches a cancelled send's messages unless one was
            // in flight (it then counts again), and the outbox forgets sent messages after 30 days.
            await SendFigures.FinishIfDoneAsync(db, clock, sendId, c);
            db.Audit(clock, actor, AuditActions.SendCancelled, AuditTargets.Send(sendId));
            return true;
        }, ct);
    }

    private Task<bool> ChangeAsync(int sendId, SendStatus from, SendStatus to, string action, Actor actor, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            if (await db.UpdateSends.Where(s => s.Id == sendId && s.Status == from).ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, to), c) == 0)
                return false;
            db.Audit(clock, actor, action, AuditTargets.Send(sendId));
            return true;
        }, ct);

    /// <summary>Who started, paused, resumed and cancelled the send, and when, oldest first: its entries in the audit log.</summary>
    public async Task<IReadOnlyList<SendEvent>> HistoryAsync(int sendId, CancellationToken ct = default)
    {
        var target = AuditTargets.Send(sendId);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Target == target).OrderBy(e => e.Id)
            .Select(e => new SendEvent(e.At, e.ActorName, e.Action)).ToListAsync(ct);
    }

    public async Task<SendProgress?> ProgressAsync(int sendId, CancellationToken ct = default) =>
        (await ListAsync(sendId, null, ct)).SingleOrDefault();

    /// <summary>The sends, newest first, with their figures; of one update when <paramref name="updateId"/> is given.</summary>
    public Task<IReadOnlyList<SendProgress>> ListAsync(int? updateId = null, CancellationToken ct = default) => ListAsync(null, updateId, ct);

    private async Task<IReadOnlyList<SendProgress>> ListAsync(int? sendId, int? updateId, CancellationToken ct)
    {
        var sends = db.UpdateSends.AsNoTracking().AsQueryable();
        if (sendId is { } id) sends = sends.Where(s => s.Id == id);
        if (updateId is { } update) sends = sends.Where(s => s.UpdateId == update);
        var rows = await sends.OrderByDescending(s => s.Id).Take(200)
            .Select(s => new
            {
                Send = s,
                Title = s.Texts.Where(t => t.Culture == SiteCultures.Default).Select(t => t.Subject).FirstOrDefault() ?? "",
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Send.Id).ToList();
        var counts = await db.OutboxMessages.Where(m => m.SendId != null && ids.Contains(m.SendId.Value))
            .GroupBy(m => new { m.SendId, m.Status })
            .Select(g => new { g.Key.SendId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var perSecond = sending.Value.PerSecond;
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r =>
        {
            // A send that is over keeps its figures on its row: its sent messages leave the outbox after 30 days.
            var over = r.Send.Status is SendStatus.Finished or SendStatus.Cancelled;
            int Count(OutboxStatus status) => counts.Where(c => c.SendId == r.Send.Id && c.Status == status).Sum(c => c.Count);
            var remaining = over ? 0 : Count(OutboxStatus.Queued);
            // Before the expansion is over, the rest of the audience is not queued yet: say nothing rather than too little.
            DateTime? estimate = r.Send.Status == SendStatus.Sending && r.Send.Expanded && perSecond > 0 ? now.AddSeconds(Math.Ceiling(remaining / (double)perSecond)) : null;
            return new SendProgress(r.Send.Id, r.Send.UpdateId, r.Title, r.Send.Status, r.Send.Expanded, r.Send.Languages, r.Send.Countries,
                r.Send.MissingTranslation, r.Send.CreatedAt, r.Send.CreatedBy, r.Send.FinishedAt,
                r.Send.Queued,
                over ? r.Send.Sent : Count(OutboxStatus.Sent), over ? r.Send.Failed : Count(OutboxStatus.Failed), over ? r.Send.Skipped : Count(OutboxStatus.Skipped),
                remaining, estimate);
        })];
    }

    private Task<string?> SlugOnSiteAsync(int updateId, CancellationToken ct) =>
        db.Updates.Where(u => u.Id == updateId && u.ShowOnSite && u.FirstPublishedAt != null && u.DeletedAt == null).Select(u => u.Slug).FirstOrDefaultAsync(ct);
}
