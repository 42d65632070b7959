namespace Khilafat.Web.Email;

/// <summary>Skipped: list mail that will not go (the send was cancelled, or the subscriber left or bounces since it was queued).</summary>
public enum OutboxStatus { Queued = 0, Sent = 1, Failed = 2, Skipped = 3 }

/// <summary>
/// An email waiting to go, saved in the same transaction as the change that caused it, so nothing is lost while the
/// mail server is down. The sender delivers it with retries; its bodies are dropped once sent (they hold one-time links).
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What it is, one of <see cref="OutboxKinds"/>, for the admin list.</summary>
    public required string Kind { get; set; }

    public required string To { get; set; }
    public required string Subject { get; set; }
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>The one-click unsubscribe URL (RFC 8058), for the List-Unsubscribe headers; null for mail that is not to a subscriber.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The subscriber it is for, so erasing them removes their queued mail too.</summary>
    public int? SubscriberId { get; set; }

    /// <summary>For list mail: the send it belongs to (<see cref="Updates.UpdateSend"/>). Its bodies are rendered from the send's words when it goes, not stored per message.</summary>
    public int? SendId { get; set; }

    /// <summary>
    /// For mail to an event's attendee: their answer (<see cref="Events.Rsvp"/>), so that what still waits for them goes
    /// when they cancel it, and a reminder when the event is cancelled or moved.
    /// </summary>
    public int? RsvpId { get; set; }

    /// <summary>
    /// For list mail: the language of the send's words this subscriber gets. For other mail: the language it was
    /// written in, for its Content-Language and its sender's name.
    /// </summary>
    public string? Culture { get; set; }

    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// When the message is no longer worth sending (an event's reminder, once the event has begun): a message still
    /// waiting then, the mail server having been down or the site stopped, is skipped, not sent late.
    /// </summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>
    /// The sender that has claimed this message (each batch a sender takes gets a new value), so that however many
    /// instances run, one of them sends it. Checked on every save of the message (a concurrency token).
    /// </summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>Until when the claim holds; after that (the claiming instance crashed or stopped) another sender may take it.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
