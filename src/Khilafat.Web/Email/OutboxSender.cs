using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Email;

/// <summary>
/// Delivers queued email in the background: each message is marked sent, or tried again later with growing waits,
/// or marked failed after <see cref="EmailOptions.MaxAttempts"/>. On shutdown it stops between messages.
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

    /// <summary>Sends one batch of due messages; true when there may be more due right away.</summary>
    public async Task<bool> SendDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(stoppingToken);

        foreach (var message in due)
        {
            // Stop between messages, never in the middle of one.
            if (stoppingToken.IsCancellationRequested) return false;
            var delivered = await TrySendAsync(message);
            await db.SaveChangesAsync(CancellationToken.None);
            // When the server is down, the rest of the batch would only fail the same way: wait for the next round.
            if (!delivered) return false;
        }
        return due.Count == BatchSize;
    }

    private async Task<bool> TrySendAsync(OutboxMessage message)
    {
        var settings = options.Value;
        message.Attempts++;
        try
        {
            using var timeout = new CancellationTokenSource(settings.Smtp.Timeout + TimeSpan.FromSeconds(5));
            await transport.SendAsync(MimeMessages.Build(message, settings), timeout.Token);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            // The bodies hold one-time links and personal words; once delivered they are not needed here.
            message.TextBody = message.HtmlBody = null;
            return true;
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
            return false;
        }
    }
}
