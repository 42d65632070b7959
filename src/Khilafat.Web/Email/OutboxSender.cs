using System.Text.RegularExpressions;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Options;
using Khilafat.Web.Startup;
using Khilafat.Web.Updates;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Khilafat.Web.Email;

/// <summary>
/// Delivers queued email in the background: each message is marked sent, or tried again later with growing waits,
/// or marked failed after <see cref="EmailOptions.MaxAttempts"/>. On shutdown it stops between messages. Several
/// instances may run it on one database: messages are claimed, so each is sent once (or, when an instance dies
/// between the SMTP server taking a message and marking it sent, once more, with the same Message-ID).
/// <para>
/// Mail a person is waiting for (confirmations, password links) goes first. List mail (an update's send) follows at
/// the pace of <see cref="SendingOptions"/>, shared by every instance through one row (<see cref="SendThrottle"/>);
/// it is rendered from the send's words as it goes, skipped when its send is paused or cancelled or its subscriber
/// has left, and a permanent refusal (SMTP 5xx) counts against the subscriber: after three they bounce.
/// </para>
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes, IEmailTransport transport, OutboxSignal signal, TimeProvider clock, Privacy.SiteKeys keys,
    IOptions<EmailOptions> options, IOptions<SendingOptions> sending, IHostApplicationLifetime lifetime, ILogger<OutboxSender> logger,
    IStringLocalizer<SharedResource> t) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>List messages per claim when no rate limits them: one claim and one SMTP connection for many messages.</summary>
    private const int ListBatchSize = 100;

    /// <summary>Permanent refusals of a subscriber's address before they are marked as bouncing.</summary>
    public const int BouncesToStop = 3;

    /// <summary>When the list's pace next allows a batch (by this instance's reckoning); the loop sleeps until then.</summary>
    private DateTime _listPausedUntil;

    /// <summary>
    /// The sender's name in the language the message is written for ("حركة الخلافة" to an Arabic reader), where the
    /// site's resources have it; a name of the operator's own (Email:From) stays as configured.
    /// </summary>
    private void InReadersLanguage(MimeMessage mime)
    {
        if (mime.Body?.Headers[HeaderId.ContentLanguage] is { Length: > 0 } language && mime.From.Mailboxes.FirstOrDefault() is { Name: { Length: > 0 } name } sender)
            sender.Name = Localization.SiteCultures.In(language, () => t[name].Value);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!transport.IsConfigured)
            logger.LogWarning("Email is not configured (Email__Smtp__Host or Email__PickupDirectory): messages wait in the outbox until it is.");
        try
        {
            // As the job runner: no claim on mail before the site has started (see HostStarted).
            await lifetime.WhenStartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                if (transport.IsConfigured) more = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly busy or gone; try again on the next round rather than stopping for good.
                logger.LogError(e, "The outbox sender could not read or update the outbox.");
            }
            if (!more)
            {
                var wait = options.Value.PollInterval;
                var paced = _listPausedUntil - clock.GetUtcNow().UtcDateTime;
                if (paced > TimeSpan.Zero && paced < wait) wait = paced;
                try { await signal.WaitAsync(wait, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>How much longer than the SMTP timeout a delivery may take before it is given up (see <see cref="EmailOptions.ClaimTimeout"/>).</summary>
    public static readonly TimeSpan DeliveryMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Claims a batch of due messages and sends them; true when there may be more due right away. However many
    /// instances run this at once, each message is claimed by one of them, and a claim left by an instance that died
    /// is taken over when it runs out.
    /// </summary>
    public async Task<bool> SendDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await CommitWithoutFlushAsync(db, stoppingToken);
        try
        {
            return await SendDueAsync(scope, db, stoppingToken);
        }
        finally
        {
            // Opened here, so closed here: a pooled context given back with its connection open by hand is not reset.
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<bool> SendDueAsync(AsyncServiceScope scope, SiteDbContext db, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid();
        var claimedUntil = now + options.Value.ClaimTimeout;
        var free = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

        var size = BatchSize;
        var claimed = await ClaimAsync(db, free.Where(m => m.SendId == null), BatchSize, claim, now, claimedUntil, stoppingToken);
        if (claimed == 0)
        {
            var sendable = free.Where(m => m.SendId != null && db.UpdateSends.Any(s => s.Id == m.SendId && s.Status == SendStatus.Sending));
            // Only spend the pace's next slot on mail that is there to go.
            if (!await sendable.AnyAsync(stoppingToken)) return false;
            size = await ListAllowanceAsync(db, now, stoppingToken);
            if (size == 0) return false;
            claimed = await ClaimAsync(db, sendable, size, claim, now, claimedUntil, stoppingToken);
            if (claimed == 0) return false;
        }

        var batch = await db.OutboxMessages.Where(m => m.ClaimToken == claim)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .ToListAsync(stoppingToken);
        var list = await ListMail.LoadAsync(db, scope.ServiceProvider.GetRequiredService<UpdateEmails>(), batch, stoppingToken);
        IEmailSession? session = null;
        try
        {
            foreach (var message in batch)
            {
                // Stop between messages, never in the middle of one.
                if (stoppingToken.IsCancellationRequested) return false;
                // While the batch's claim outlasts a whole delivery, nobody else can take the message; nearer its end,
                // the message's own claim is renewed first, and one another sender took meanwhile is theirs.
                if (clock.GetUtcNow().UtcDateTime + options.Value.Smtp.Timeout + DeliveryMargin >= claimedUntil
                    && !await RenewClaimAsync(db, message, claim))
                {
                    db.Entry(message).State = EntityState.Detached;
                    continue;
                }
                var reason = message.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? TooLate
                    : message.SendId is not null ? list.SkipReason(message) : null;
                if (reason is not null)
                {
                    message.Status = OutboxStatus.Skipped;
                    message.LastError = reason;
                    message.ClaimedUntil = null;
                    await SaveOutcomeAsync(db, message, null);
                    continue;
                }
                var messageId = await keys.MessageIdAsync(message.Id, message.CreatedAt);
                var mime = message.SendId is null
                    ? MimeMessages.Build(message, options.Value, messageId)
                    : await list.BuildAsync(message, options.Value, messageId);
                InReadersLanguage(mime);
                (var outcome, session) = await TrySendAsync(message, mime, session);
                message.ClaimedUntil = null;
                await SaveOutcomeAsync(db, message, outcome == Delivery.Refused ? list.Subscriber(message) : null, outcome == Delivery.Sent ? list.Subscriber(message) : null);
                // When the server is down, the rest of the batch would only fail the same way: wait for the next round.
                if (outcome == Delivery.Failed) return false;
            }
            return claimed == size;
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
            // What this batch did not get to goes back at once rather than when the claim runs out.
            await db.WriteAsync(c => db.OutboxMessages.Where(m => m.ClaimToken == claim && m.ClaimedUntil != null && m.Status == OutboxStatus.Queued)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, (DateTime?)null), c), CancellationToken.None);
            foreach (var sendId in batch.Where(m => m.SendId != null).Select(m => m.SendId!.Value).Distinct())
                await db.WriteAsync(c => SendFigures.FinishIfDoneAsync(db, clock, sendId, c), CancellationToken.None);
        }
    }

    /// <summary>
    /// The sender's own bookkeeping (claims, "sent" marks) is committed without waiting for the disk: on SQLite this
    /// connection runs with synchronous = NORMAL (SqliteConnectionPragmas sets FULL again at its next open, so nothing
    /// else the site writes changes), on PostgreSQL each outcome's transaction with synchronous_commit off. A crash or
    /// kill of the site loses none of these writes (the database has them); only a power cut or a crash of the
    /// database's machine can take back the last few marks, and those messages then go again under the same
    /// Message-ID, as the one in flight does when the site is killed. A flush per message would cap list mail at a
    /// few hundred a second.
    /// </summary>
    private static async Task CommitWithoutFlushAsync(SiteDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", ct);
    }

    /// <summary>
    /// One conditional update claims up to <paramref name="size"/> of the messages. The condition is repeated outside
    /// the subquery on purpose: on PostgreSQL a second sender claiming the same rows waits for the first, then re-reads
    /// them, finds them claimed and leaves them; on SQLite one write runs at a time anyway.
    /// </summary>
    private static Task<int> ClaimAsync(SiteDbContext db, IQueryable<OutboxMessage> candidates, int size, Guid claim, DateTime now, DateTime claimedUntil, CancellationToken ct)
    {
        var due = candidates.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(size).Select(m => m.Id);
        return db.WriteAsync(c => db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimToken, claim).SetProperty(m => m.ClaimedUntil, claimedUntil), c), ct);
    }

    /// <summary>
    /// How many list messages may go now under <see cref="SendingOptions"/>, taken from the shared pace: the batch
    /// moves <see cref="SendThrottle.NextSlotAt"/> forward by its share of a second in one conditional update, so two
    /// instances never both spend the same second. Zero when the pace or the hourly quota says wait.
    /// </summary>
    private async Task<int> ListAllowanceAsync(SiteDbContext db, DateTime now, CancellationToken ct)
    {
        // The slot is reserved from this moment, not from the start of the round: a round that waited for the
        // database would otherwise leave less than its share of a second before the next batch.
        now = clock.GetUtcNow().UtcDateTime;
        var pace = sending.Value;
        var size = ListBatchSize;
        if (pace.PerHour > 0)
        {
            var hourAgo = now.AddHours(-1);
            var lastHour = await db.OutboxMessages.CountAsync(m => m.SendId != null && m.SentAt > hourAgo, ct);
            size = Math.Min(size, pace.PerHour - lastHour);
            if (size <= 0)
            {
                _listPausedUntil = now.AddMinutes(1);
                return 0;
            }
        }
        if (pace.PerSecond == 0) return size;

        size = Math.Min(size, pace.PerSecond);
        var slot = await db.SendThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Id == 1, ct);
        if (slot is null)
        {
            // The first list mail ever: make the row (two instances at once: the second insert fails, and WriteAsync retries and finds it).
            await db.WriteAsync(async c =>
            {
                if (!await db.SendThrottles.AnyAsync(t => t.Id == 1, c)) db.SendThrottles.Add(new SendThrottle { Id = 1, NextSlotAt = now });
            }, ct);
            slot = await db.SendThrottles.AsNoTracking().FirstAsync(t => t.Id == 1, ct);
        }
        if (slot.NextSlotAt > now)
        {
            _listPausedUntil = slot.NextSlotAt;
            return 0;
        }
        var next = now + TimeSpan.FromSeconds(size / (double)pace.PerSecond);
        var previous = slot.NextSlotAt;
        var taken = await db.WriteAsync(c => db.SendThrottles.Where(t => t.Id == 1 && t.NextSlotAt == previous)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.NextSlotAt, next), c), ct);
        _listPausedUntil = next;
        return taken == 1 ? size : 0;
    }

    /// <summary>A fresh claim on one message for its delivery; false when the batch's claim ran out and another sender has the message now.</summary>
    private async Task<bool> RenewClaimAsync(SiteDbContext db, OutboxMessage message, Guid claim)
    {
        var until = clock.GetUtcNow().UtcDateTime + options.Value.ClaimTimeout;
        return await db.WriteAsync(c => db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == claim && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, until), c), CancellationToken.None) == 1;
    }

    /// <summary>
    /// Saves the message's outcome, and what it says of its subscriber: one more bounce, or none since the last delivery.
    /// Only those two can have changed, so only they are compared with what was loaded: the context tracks the whole
    /// batch and its subscribers, and scanning all of them at every message's save cost more than the save itself.
    /// </summary>
    private async Task SaveOutcomeAsync(SiteDbContext db, OutboxMessage message, Subscriber? bounced, Subscriber? delivered = null)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.WriteAsync(async c =>
            {
                // See CommitWithoutFlushAsync.
                if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", c);
                if (bounced is not null)
                {
                    bounced.BounceCount++;
                    if (bounced.BounceCount >= BouncesToStop && bounced.BouncingSince is null)
                    {
                        bounced.BouncingSince = clock.GetUtcNow().UtcDateTime;
                        logger.LogWarning("Subscriber {Id} is marked as bouncing after {Count} permanent delivery failures; later sends leave them out.", bounced.Id, bounced.BounceCount);
                    }
                    db.Entry(bounced).DetectChanges();
                }
                else if (delivered is { BounceCount: > 0 } && delivered.BouncingSince is null)
                {
                    delivered.BounceCount = 0;
                    db.Entry(delivered).DetectChanges();
                }
                db.Entry(message).DetectChanges();
                try
                {
                    await db.SaveChangesAsync(c);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Only possible when a delivery outlasted its claim: raise Email:ClaimTimeout above the SMTP timeout.
                    logger.LogWarning("Email {Id} ({Kind}) was taken over by another sender while this one delivered it; it may arrive twice.", message.Id, message.Kind);
                    db.Entry(message).State = EntityState.Detached;
                }
            }, CancellationToken.None);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private enum Delivery { Sent, Failed, Refused }

    /// <summary>
    /// Whether a permanent refusal is of the address (no such mailbox, domain or account: 5.1.x, 5.2.1, or a bare 5xx
    /// to RCPT TO), which counts against the subscriber. A refusal of the sender or the message (5.7.x "sending paused
    /// for this account", an unsigned message, a policy) is the site's problem, not the reader's: counted against each
    /// reader in turn, three sends would mark the whole list as bouncing. Those are tried again, like a server that is down.
    /// </summary>
    internal static bool IsAddressRefused(SmtpCommandException e)
    {
        if ((int)e.StatusCode < 500 || e.ErrorCode is not (SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)) return false;
        var enhanced = EnhancedStatus.Match(e.Message);
        if (!enhanced.Success) return e.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
        return enhanced.Groups[1].Value == "1" || enhanced.Groups[1].Value + "." + enhanced.Groups[2].Value == "2.1";
    }

    // RFC 3463's class.subject.detail at the start of the server's text, as "5.1.1 <a@b>: Recipient address rejected".
    private static readonly System.Text.RegularExpressions.Regex EnhancedStatus = new(@"^\s*5\.(\d{1,3})\.(\d{1,3})\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Sends one message through the batch's session (opened on first use); a failure closes the session.</summary>
    private async Task<(Delivery Outcome, IEmailSession? Session)> TrySendAsync(OutboxMessage message, MimeMessage mime, IEmailSession? session)
    {
        var settings = options.Value;
        message.Attempts++;
        try
        {
            using var timeout = new CancellationTokenSource(settings.Smtp.Timeout + DeliveryMargin);
            session ??= await transport.OpenAsync(timeout.Token);
            await session.SendAsync(mime, timeout.Token);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            // The bodies hold one-time links and personal words; once delivered they are not needed here.
            message.TextBody = message.HtmlBody = null;
            logger.LogDebug("Email {Id} ({Kind}) sent.", message.Id, message.Kind);
            return (Delivery.Sent, session);
        }
        catch (SmtpCommandException e) when (IsAddressRefused(e))
        {
            // The receiving server refused this address for good: trying again would only be refused again.
            message.Status = OutboxStatus.Failed;
            message.LastError = Truncate($"{(int)e.StatusCode}: {e.Message}");
            logger.LogWarning("Email {Id} ({Kind}) refused permanently: {Error}", message.Id, message.Kind, WithoutAddresses(message.LastError));
            if (session is not null) await session.DisposeAsync();
            return (Delivery.Refused, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            message.LastError = Truncate(e is SmtpCommandException smtp ? $"{(int)smtp.StatusCode}: {smtp.Message}" : e.Message);
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError("Email {Id} ({Kind}) failed after {Attempts} tries: {Error}", message.Id, message.Kind, message.Attempts, WithoutAddresses(message.LastError));
            }
            else
            {
                var wait = settings.RetryDelay * Math.Pow(2, Math.Min(message.Attempts - 1, 16));
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait);
                logger.LogWarning("Email {Id} ({Kind}) not delivered (try {Attempts}), next try at {Next:O}: {Error}", message.Id, message.Kind, message.Attempts, message.NextAttemptAt,
                    WithoutAddresses(message.LastError));
            }
            // The connection may be broken, or in the middle of something: the next round opens a new one.
            if (session is not null) await session.DisposeAsync();
            return (Delivery.Failed, null);
        }
    }

    /// <summary>Why a message past its <see cref="OutboxMessage.ExpiresAt"/> was not sent, as the outbox page shows it.</summary>
    public const string TooLate = "Too late to be of use: its time had passed.";

    private static string Truncate(string error) => error.Length > 500 ? error[..500] : error;

    /// <summary>
    /// A mail server's answer for the log, without the addresses it often repeats ("550 5.1.1 &lt;name@example.org&gt;:
    /// Recipient address rejected"): logs outlive the list and go where its data should not. The outbox page, for
    /// editors who see the address anyway, keeps the whole answer.
    /// </summary>
    internal static string WithoutAddresses(string error) => AddressPattern().Replace(error, "[address]");

    [GeneratedRegex(@"[^\s<>""'@]+@[^\s<>""'@]+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    /// <summary>What a batch's list messages need: their sends' words and status, and their subscribers as they are now.</summary>
    private sealed class ListMail(
        UpdateEmails emails, Dictionary<int, Subscriber> subscribers, Dictionary<(int, string), SendText> texts,
        Dictionary<int, (SendStatus Status, string? Slug)> sends)
    {
        public static async Task<ListMail> LoadAsync(SiteDbContext db, UpdateEmails emails, List<OutboxMessage> batch, CancellationToken ct)
        {
            var sendIds = batch.Where(m => m.SendId != null).Select(m => m.SendId!.Value).Distinct().ToList();
            if (sendIds.Count == 0) return new ListMail(emails, [], [], []);
            var subscriberIds = batch.Where(m => m.SendId != null && m.SubscriberId != null).Select(m => m.SubscriberId!.Value).ToList();
            var subscribers = await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var texts = await db.SendTexts.AsNoTracking().Where(t => sendIds.Contains(t.SendId)).ToDictionaryAsync(t => (t.SendId, t.Culture), ct);
            var sends = await db.UpdateSends.AsNoTracking().Where(s => sendIds.Contains(s.Id))
                .Select(s => new { s.Id, s.Status, Slug = db.Updates.Where(u => u.Id == s.UpdateId && u.ShowOnSite && u.FirstPublishedAt != null && u.DeletedAt == null).Select(u => u.Slug).FirstOrDefault() })
                .ToDictionaryAsync(s => s.Id, s => (s.Status, s.Slug), ct);
            return new ListMail(emails, subscribers, texts, sends);
        }

        public Subscriber? Subscriber(OutboxMessage message) => message.SubscriberId is { } id ? subscribers.GetValueOrDefault(id) : null;

        /// <summary>Why this list message must not go now, or null when it may.</summary>
        public string? SkipReason(OutboxMessage message)
        {
            if (sends.GetValueOrDefault(message.SendId!.Value).Status is not SendStatus.Sending) return "The send was paused or cancelled.";
            return Subscriber(message) switch
            {
                null => "The subscriber was erased.",
                { Status: not SubscriberStatus.Confirmed } => "The subscriber unsubscribed.",
                { BouncingSince: not null } => "The subscriber's address bounces.",
                _ => null,
            };
        }

        public async Task<MimeMessage> BuildAsync(OutboxMessage message, EmailOptions options, string messageId)
        {
            // The message's culture is its words' (English where the send had no translation in the subscriber's
            // language); what surrounds them, and every link, is in the subscriber's own.
            var culture = message.Culture ?? Localization.SiteCultures.Default;
            var reader = Subscriber(message)?.Language is { } language && Localization.SiteCultures.IsSupported(language) ? language : culture;
            var text = texts[(message.SendId!.Value, culture)];
            var (content, oneClick) = await emails.ForSubscriberAsync(reader, culture, text.Subject, text.Body, sends[message.SendId.Value].Slug, message.SubscriberId!.Value);
            var mime = MimeMessages.Build(message, options, messageId, content, oneClick);
            mime.Headers.Add("List-Id", emails.ListId);
            mime.Headers.Add("Precedence", "bulk");
            return mime;
        }
    }
}
