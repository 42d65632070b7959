namespace Khilafat.Web.Updates;

public enum SendStatus { Sending = 0, Paused = 1, Cancelled = 2, Finished = 3 }

/// <summary>What a send does for subscribers whose language the update has no published translation in.</summary>
public enum MissingTranslation { SendEnglish = 0, Skip = 1 }

/// <summary>
/// One emailing of an update to the list. Its words are fixed when an editor confirms it (<see cref="Texts"/>), so
/// later edits to the update do not change a send in progress. Recipients are expanded in the background into one
/// outbox message per subscriber (unique on send and subscriber), in subscriber-id order from <see cref="ExpandedThrough"/>.
/// </summary>
public class UpdateSend
{
    public int Id { get; set; }
    public int UpdateId { get; set; }
    public SendStatus Status { get; set; }

    /// <summary>The audience: languages the subscribers signed up in (comma-separated), or null for every language.</summary>
    public string? Languages { get; set; }

    /// <summary>The audience: countries (ISO codes, comma-separated), or null for every country.</summary>
    public string? Countries { get; set; }

    public MissingTranslation MissingTranslation { get; set; }

    /// <summary>The last subscriber id expanded into the outbox; expansion goes on from the next.</summary>
    public int ExpandedThrough { get; set; }

    /// <summary>True once every subscriber of the audience has a message queued.</summary>
    public bool Expanded { get; set; }

    /// <summary>Messages queued by the expansion.</summary>
    public int Queued { get; set; }

    /// <summary>The final figures, written when the send finishes or is cancelled: its messages leave the outbox 30 days after they went.</summary>
    public int Sent { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? FinishedAt { get; set; }

    public List<SendText> Texts { get; } = [];
}

/// <summary>A send's words in one language, as they were when the send was confirmed.</summary>
public class SendText
{
    public int Id { get; set; }
    public int SendId { get; set; }
    public required string Culture { get; set; }
    public required string Subject { get; set; }

    /// <summary>Markdown, rendered into the email layout when each message goes.</summary>
    public required string Body { get; set; }
}

/// <summary>
/// The list's shared pace: the earliest time the next batch of list mail may go. Every instance claims batches by
/// moving it forward in one conditional update, so the rate holds however many instances send.
/// </summary>
public class SendThrottle
{
    public int Id { get; set; }
    public DateTime NextSlotAt { get; set; }
}
