namespace Khilafat.Web.Email;

/// <summary>What an outbox message is, as the admin outbox list shows it. Stored, so never rename one.</summary>
public static class OutboxKinds
{
    /// <summary>The mailing list's double opt-in confirmation.</summary>
    public const string Confirmation = "confirmation";

    /// <summary>The welcome an editor wrote, sent once to a subscriber who has just confirmed (<see cref="MailingList.WelcomeEmail"/>).</summary>
    public const string Welcome = "welcome";

    /// <summary>An editor's link to set a password, for a new account or one an administrator reset.</summary>
    public const string PasswordLink = "password-link";

    /// <summary>A link asked for with "Forgot your password?" on the sign-in page (counted for its hourly limit).</summary>
    public const string ForgottenPassword = "forgotten-password";

    /// <summary>Tells a submitter their testimonial is on the site, with a link to withdraw it.</summary>
    public const string TestimonialPublished = "testimonial-published";

    /// <summary>An update emailed to the list (<see cref="Updates.UpdateSend"/>).</summary>
    public const string Update = "update";

    /// <summary>An editor's test of an update's email, to one address.</summary>
    public const string UpdateTest = "update-test";

    /// <summary>An RSVP's confirmation link.</summary>
    public const string RsvpConfirmation = "rsvp-confirmation";

    /// <summary>An event's details for a confirmed (or promoted, or waitlisted) attendee, with their cancel link.</summary>
    public const string RsvpDetails = "rsvp-details";

    /// <summary>An event's reminder, the day before.</summary>
    public const string EventReminder = "event-reminder";

    /// <summary>An event cancelled, postponed, or moved in time or place.</summary>
    public const string EventNotice = "event-notice";
    /// <summary>A petition signature's confirmation (<see cref="Petitions.PetitionSignature"/>).</summary>
    public const string SignatureConfirmation = "signature-confirmation";

    /// <summary>A delivered petition's news, to a signer who asked for it (<see cref="Petitions.DeliveryNotice"/>).</summary>
    public const string PetitionDelivered = "petition-delivered";
}
