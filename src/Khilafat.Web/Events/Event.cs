using Khilafat.Web.MailingList;

namespace Khilafat.Web.Events;

/// <summary>
/// Whether an event goes ahead as planned, was cancelled, was moved to a new date (its times are then the new ones), or
/// was postponed with its new date not known yet (its times are then the ones it had, shown as what was planned).
/// </summary>
public enum EventState { Scheduled = 0, Cancelled = 1, Postponed = 2, DateToBeAnnounced = 3 }

/// <summary>
/// A vigil, march, talk or drive: its own fields here, its title, summary and description as a versioned, translated
/// text (<see cref="Content.TextKinds.Event"/>), published when its English text is. Times are kept in UTC with the
/// event's own IANA time zone, in which they are entered and shown.
/// </summary>
public class Event
{
    /// <summary>The picture shown on its page and in link previews (og:image); let go when the image is deleted.</summary>
    public int? LeadImageId { get; set; }

    public const int SlugMaxLength = 100;
    public const int PlaceMaxLength = 300;
    public const int OnlineUrlMaxLength = 500;
    public const int ReasonMaxLength = 500;
    public const int TimeZoneMaxLength = 64;

    public int Id { get; set; }
    public required string Slug { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>The IANA zone the event happens in ("Asia/Karachi"): its times are entered, shown and put in calendars in it.</summary>
    public required string TimeZone { get; set; }

    /// <summary>The address as people would write it; linked to an OpenStreetMap search, never embedded.</summary>
    public string Place { get; set; } = "";

    /// <summary>Where to join online; told only to confirmed attendees, never on a public page or calendar.</summary>
    public string? OnlineUrl { get; set; }

    /// <summary>How many people may come in all.</summary>
    public int Capacity { get; set; }

    /// <summary>The most people one RSVP may bring (themselves included).</summary>
    public int MaxPartySize { get; set; } = 1;

    public EventState State { get; set; }

    /// <summary>Why it was cancelled or postponed, shown on its page and emailed.</summary>
    public string? StateReason { get; set; }

    /// <summary>Raised on each change readers see once published: the calendars' SEQUENCE, so subscribed calendars update in place.</summary>
    public int Sequence { get; set; }

    /// <summary>How many changes of time, place or state attendees were told of; each RSVP keeps the number it was told.</summary>
    public int NoticeNumber { get; set; }

    /// <summary>What the editor said of the latest such change, for the email.</summary>
    public string? NoticeReason { get; set; }

    /// <summary>
    /// What the latest notice tells: cancelled, postponed, or (scheduled) that the time or place changed. Kept with it,
    /// since an event postponed once stays <see cref="EventState.Postponed"/>, and a later move of its place is no
    /// second postponement. Null for notices raised before it was kept: the event's state then.
    /// </summary>
    public EventState? NoticeState { get; set; }

    /// <summary>
    /// The time and place attendees were told before the latest change (null before the first), so that its notice
    /// can say what moved: "When: … / Was: …". Kept in the write that raises <see cref="NoticeNumber"/>; see
    /// <see cref="EventEditor"/> for two changes made before the first one's notice has gone.
    /// </summary>
    public DateTime? NoticePreviousStartsAt { get; set; }

    public DateTime? NoticePreviousEndsAt { get; set; }

    public string? NoticePreviousTimeZone { get; set; }

    public string? NoticePreviousPlace { get; set; }

    /// <summary>The <see cref="NoticeNumber"/> of the attendees who were told that time and place: only they are told it was.</summary>
    public int NoticePreviousNumber { get; set; }

    public DateTime? FirstPublishedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When attendees' names and emails were erased (the numbers stay); null until then.</summary>
    public DateTime? AttendeesErasedAt { get; set; }
}

/// <summary>Where an RSVP stands. Only <see cref="Confirmed"/> ones hold places.</summary>
public enum RsvpStatus { Pending = 0, Confirmed = 1, Waitlisted = 2, Cancelled = 3 }

/// <summary>One person's answer to an event, for themselves and those they bring; confirmed by email like the list.</summary>
public class Rsvp : IConfirmedByEmail
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public int EventId { get; set; }

    /// <summary>Null once erased after the event.</summary>
    public string? Name { get; set; }

    /// <summary>Trimmed, domain lower-cased; one RSVP per address per event. Null once erased.</summary>
    public string? Email { get; set; }

    public int PartySize { get; set; } = 1;

    /// <summary>The language of the page they answered on; their emails are in it.</summary>
    public string Language { get; set; } = "en";

    public RsvpStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmTokenExpiresAt { get; set; }
    public DateTime? LastConfirmationAt { get; set; }
    public DateOnly? ConfirmationsDay { get; set; }
    public int ConfirmationsOnDay { get; set; }

    /// <summary>When they pressed confirm: the waitlist's order.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>When they got a place: at confirming, or when promoted from the waitlist.</summary>
    public DateTime? PlaceGivenAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public DateTime? ReminderSentAt { get; set; }

    /// <summary>The event's <see cref="Event.NoticeNumber"/> they were last told of.</summary>
    public int NoticeNumber { get; set; }

    /// <summary>Ticked at the door.</summary>
    public DateTime? ArrivedAt { get; set; }

    public DateTime? ErasedAt { get; set; }

    public required Consent Consent { get; set; }
}
