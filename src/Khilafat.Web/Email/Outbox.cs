using Khilafat.Web.Data;
using Khilafat.Web.Options;
using MimeKit;

namespace Khilafat.Web.Email;

/// <summary>An email's subject and its two bodies, and the language they are written for (null: not said).</summary>
public sealed record EmailContent(string Subject, string Text, string Html, string? Culture = null);

/// <summary>Queues email in the caller's unit of work, and wakes the sender once it is committed.</summary>
public sealed class Outbox(SiteDbContext db, TimeProvider clock, OutboxSignal signal)
{
    /// <summary>Adds a message to the context; it is saved with the caller's next SaveChanges, atomically with the change that caused it.</summary>
    public OutboxMessage Queue(string kind, string to, EmailContent content, string? unsubscribeUrl = null, int? subscriberId = null, DateTime? expiresAt = null, int? rsvpId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Kind = kind, To = to, Subject = content.Subject, TextBody = content.Text, HtmlBody = content.Html, Culture = content.Culture,
            UnsubscribeUrl = unsubscribeUrl, SubscriberId = subscriberId, RsvpId = rsvpId,
            Status = OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = now, ExpiresAt = expiresAt,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Tells the sender there is mail; call after the transaction that queued it has committed.</summary>
    public void Wake() => signal.Wake();
}

/// <summary>Wakes the outbox sender early instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : Jobs.WakeSignal;

internal static class MimeMessages
{
    /// <summary>The message as it goes out: both bodies, and for subscriber mail the one-click unsubscribe headers (RFC 8058).</summary>
    public static MimeMessage Build(OutboxMessage message, EmailOptions options, string messageId) =>
        Build(message, options, messageId, new EmailContent(message.Subject, message.TextBody ?? "", message.HtmlBody ?? "", message.Culture), message.UnsubscribeUrl);

    /// <summary>The message with bodies made as it goes (list mail, rendered from its send's words).</summary>
    public static MimeMessage Build(OutboxMessage message, EmailOptions options, string messageId, EmailContent content, string? unsubscribeUrl)
    {
        var mime = new MimeMessage();
        var from = MailboxAddress.Parse(options.From);
        mime.From.Add(from);
        if (options.ReplyTo is { } replyTo) mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        mime.MessageId = $"{messageId}@{from.Domain}";
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = content.Subject;
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (unsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        // A MIME entity's header (RFC 3282): MimeKit keeps Content-* headers on the body, where a reader finds them.
        if (content.Culture is { } language) mime.Body.Headers.Add(HeaderId.ContentLanguage, language);
        return mime;
    }
}
