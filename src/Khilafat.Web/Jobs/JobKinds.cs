namespace Khilafat.Web.Jobs;

/// <summary>The kinds of background job, each run by the <see cref="IJobHandler"/> registered under its name. Stored: never rename one.</summary>
public static class JobKinds
{
    /// <summary>Data minimisation, hourly (<see cref="Privacy.Maintenance"/>).</summary>
    public const string Maintenance = "maintenance";

    /// <summary>Publishes an update at the time an editor chose; the key is the update's id.</summary>
    public const string PublishUpdate = "publish-update";

    /// <summary>Queues a send's messages in the outbox, a batch of subscribers per run; the key is the send's id.</summary>
    public const string ExpandSend = "expand-send";

    /// <summary>Emails confirmed attendees 24 hours before an event starts; the key is the event's id.</summary>
    public const string EventReminder = "event-reminder";

    /// <summary>Emails confirmed attendees that an event was cancelled, or its time or place changed; the key is the event's id.</summary>
    public const string EventNotice = "event-notice";

    /// <summary>Erases an event's attendees' names and emails a set number of days after it; the key is the event's id.</summary>
    public const string EraseAttendees = "erase-attendees";

    /// <summary>Refreshes the public pages as an event starts (it leaves "upcoming", and takes no more answers); the key is the event's id.</summary>
    public const string EventStarts = "event-starts";
    /// <summary>Erases a closed petition's signers' names and emails after Petitions:EraseSignersAfterDays; the key is the petition's id.</summary>
    public const string ErasePetitionSigners = "erase-petition-signers";

    /// <summary>Emails, once, the confirmed signers who asked to be told when a petition is delivered; the key is the petition's id.</summary>
    public const string PetitionDelivered = "petition-delivered";
}

/// <summary>What a run of a job asks for next.</summary>
public readonly record struct JobOutcome(DateTime? RunAgainAt)
{
    /// <summary>The work is done; the job is not run again until scheduled again.</summary>
    public static JobOutcome Done => new(null);

    /// <summary>Run again at this time: a recurring job's next turn, or the next piece of a long job (now).</summary>
    public static JobOutcome Again(DateTime at) => new(at);
}

/// <summary>
/// Runs one kind of job, registered as a keyed scoped service under its kind (<see cref="JobKinds"/>). A run may be
/// repeated (an instance died after the work and before marking it done), so a handler does its work so that doing
/// it twice changes nothing: publish what is not yet published, queue what is not yet queued. A long job does a
/// bounded piece per run and asks to run again.
/// </summary>
public interface IJobHandler
{
    Task<JobOutcome> RunAsync(string key, CancellationToken ct);
}
