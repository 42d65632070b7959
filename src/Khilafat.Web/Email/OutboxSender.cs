using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Email;

/// <summary>
/// Delivers queued email in the background: each message is marked sent, or tried again later with growing waits,
/// or marked failed after <see cref="EmailOptions.MaxAttempts"/>. On shutdown it stops between messages. Several
/// instances may run it on one database: messages are claimed, so each is sent once (or, when an instance dies
/// between the SMTP server taking a message and marking it sent, once more, with the same Message-ID).
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IEmailTransport transport, OutboxSignal signal, TimeProvider clock,
    IOptions<EmailOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!transport.IsConfigured)
            logger.LogWarning("Email is not configured (Email__Smtp__Host or Email__PickupDirectory): messages wait in the outbox until it is.");

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
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
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
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid();
        var due = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .Select(m => m.Id);
        // One conditional update claims the batch. The condition is repeated outside the subquery on purpose: on
        // PostgreSQL a second sender claiming the same rows waits for the first, then re-reads them, finds them
        // claimed and leaves them; on SQLite one write runs at a time anyway.
        var claimedUntil = now + options.Value.ClaimTimeout;
        var claimed = await db.WriteAsync(c => db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimToken, claim).SetProperty(m => m.ClaimedUntil, claimedUntil), c), stoppingToken);
        if (claimed == 0) return false;

        var batch = await db.OutboxMessages.Where(m => m.ClaimToken == claim)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .ToListAsync(stoppingToken);
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
                (var delivered, session) = await TrySendAsync(message, session);
                message.ClaimedUntil = null;
                await SaveOutcomeAsync(db, message);
                // When the server is down, the rest of the batch would only fail the same way: wait for the next round.
                if (!delivered) return false;
            }
            return claimed == BatchSize;
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
            // What this batch did not get to goes back at once rather than when the claim runs out.
            await db.WriteAsync(c => db.OutboxMessages.Where(m => m.ClaimToken == claim && m.ClaimedUntil != null && m.Status == OutboxStatus.Queued)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, (DateTime?)null), c), CancellationToken.None);
        }
    }

    /// <summary>A fresh claim on one message for its delivery; false when the batch's claim ran out and another sender has the message now.</summary>
    private async Task<bool> RenewClaimAsync(SiteDbContext db, OutboxMessage message, Guid claim)
    {
        var until = clock.GetUtcNow().UtcDateTime + options.Value.ClaimTimeout;
        return await db.WriteAsync(c => db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == claim && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, until), c), CancellationToken.None) == 1;
    }

    private Task SaveOutcomeAsync(SiteDbContext db, OutboxMessage message) => db.WriteAsync(async c =>
    {
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

    /// <summary>Sends one message through the batch's session (opened on first use); a failure closes the session.</summary>
    private async Task<(bool Delivered, IEmailSession? Session)> TrySendAsync(OutboxMessage message, IEmailSession? session)
    {
        var settings = options.Value;
        message.Attempts++;
        try
        {
            using var timeout = new CancellationTokenSource(settings.Smtp.Timeout + DeliveryMargin);
            session ??= await transport.OpenAsync(timeout.Token);
            await session.SendAsync(MimeMessages.Build(message, settings), timeout.Token);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            // The bodies hold one-time links and personal words; once delivered they are not needed here.
            message.TextBody = message.HtmlBody = null;
            logger.LogDebug("Email {Id} ({Kind}) sent.", message.Id, message.Kind);
            return (true, session);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError("Email {Id} ({Kind}) failed after {Attempts} tries: {Error}", message.Id, message.Kind, message.Attempts, message.LastError);
            }
            else
            {
                var wait = settings.RetryDelay * Math.Pow(2, Math.Min(message.Attempts - 1, 16));
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait);
                logger.LogWarning("Email {Id} ({Kind}) not delivered (try {Attempts}), next try at {Next:O}: {Error}", message.Id, message.Kind, message.Attempts, message.NextAttemptAt, message.LastError);
            }
            // The connection may be broken, or in the middle of something: the next round opens a new one.
            if (session is not null) await session.DisposeAsync();
            return (false, null);
        }
    }
}
