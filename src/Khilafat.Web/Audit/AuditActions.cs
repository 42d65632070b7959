namespace Khilafat.Web.Audit;

/// <summary>The names of audited actions. They are stored, so never rename one.</summary>
public static class AuditActions
{
    public const string SignIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string SignOut = "account.signed-out";
    public const string SignOutEverywhere = "account.signed-out-everywhere";
    public const string AccountCreated = "account.created";
    public const string RoleChanged = "account.role-changed";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string PasswordResetIssued = "account.password-reset-issued";
    /// <summary>"Forgot your password?" asked for an address without an active account, or one sent its hour's links already.</summary>
    public const string PasswordResetNotSent = "account.password-reset-not-sent";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorEnabled = "account.2fa-enabled";
    public const string TwoFactorDisabled = "account.2fa-disabled";
    public const string SettingsChanged = "settings.changed";

    public const string PageCreated = "page.created";
    public const string PageEdited = "page.edited";
    public const string PagePublished = "page.published";
    public const string PageUnpublished = "page.unpublished";
    public const string PageRestored = "page.restored";
    public const string PageDeleted = "page.deleted";

    public const string FaqCreated = "faq.created";
    public const string FaqEdited = "faq.edited";
    public const string FaqDeleted = "faq.deleted";
    public const string FaqPublished = "faq.published";
    public const string FaqUnpublished = "faq.unpublished";
    public const string FaqMoved = "faq.moved";

    public const string UpdateCreated = "update.created";
    public const string UpdateEdited = "update.edited";
    public const string UpdatePublished = "update.published";
    public const string UpdateUnpublished = "update.unpublished";
    public const string UpdateRestored = "update.restored";
    public const string UpdateDeleted = "update.deleted";
    public const string UpdateScheduled = "update.scheduled";
    public const string UpdateUnscheduled = "update.unscheduled";

    public const string TestimonialApproved = "testimonial.approved";
    public const string TestimonialRejected = "testimonial.rejected";
    public const string TestimonialMarkedSpam = "testimonial.marked-spam";
    public const string TestimonialFeatured = "testimonial.featured";
    public const string TestimonialUnfeatured = "testimonial.unfeatured";
    public const string TestimonialDeleted = "testimonial.deleted";
    public const string TestimonialEdited = "testimonial.edited";
    public const string TestimonialWithdrawn = "testimonial.withdrawn";
    public const string BlocklistChanged = "testimonial.blocklist-changed";

    public const string SubscribersExported = "subscribers.exported";
    public const string SubscribersImported = "subscribers.imported";
    public const string SubscriberUnsubscribed = "subscriber.unsubscribed-by-editor";
    public const string SubscriberErased = "subscriber.erased";
    public const string SubscriberDataDownloaded = "subscriber.data-downloaded";
    /// <summary>One person's data, found by their address across the list, petitions, events and testimonials (details: counts, never the address).</summary>
    public const string PersonalDataDownloaded = "person.data-downloaded";
    public const string PersonalDataErased = "person.erased";
    public const string SubscribersImportedConfirmed = "subscribers.imported-confirmed";
    public const string SubscriberBouncingCleared = "subscriber.bouncing-cleared";

    public const string WelcomeCreated = "welcome.created";
    public const string WelcomeEdited = "welcome.edited";
    public const string WelcomePublished = "welcome.published";
    public const string WelcomeUnpublished = "welcome.unpublished";
    public const string WelcomeRestored = "welcome.restored";

    public const string OutboxRetried = "outbox.retried";

    public const string SendTested = "send.tested";
    public const string SendStarted = "send.started";
    public const string SendPaused = "send.paused";
    public const string SendResumed = "send.resumed";
    public const string SendCancelled = "send.cancelled";

    public const string JobRetried = "job.retried";

    public const string BackupDownloaded = "database.backup-downloaded";

    public const string ReliefCreated = "relief.created";
    public const string ReliefEdited = "relief.edited";
    public const string ReliefDeleted = "relief.deleted";
    public const string ReliefChecked = "relief.checked";
    public const string EventCreated = "event.created";
    public const string EventEdited = "event.edited";
    public const string EventPublished = "event.published";
    public const string EventUnpublished = "event.unpublished";
    public const string EventRestored = "event.restored";
    public const string EventCancelled = "event.cancelled";
    public const string EventPostponed = "event.postponed";
    public const string EventRsvpsExported = "event.rsvps-exported";
    public const string EventAttendeesErased = "event.attendees-erased";
    public const string MediaUploaded = "media.uploaded";
    public const string MediaDeleted = "media.deleted";
    public const string PetitionCreated = "petition.created";
    public const string PetitionEdited = "petition.edited";
    public const string PetitionPublished = "petition.published";
    public const string PetitionUnpublished = "petition.unpublished";
    public const string PetitionRestored = "petition.restored";
    public const string PetitionOpened = "petition.opened";
    public const string PetitionClosed = "petition.closed";
    public const string PetitionDelivered = "petition.delivered";
    public const string PetitionSignersErased = "petition.signers-erased";
    public const string PetitionSignaturesExported = "petition.signatures-exported";
    public const string SignatureStruckOut = "signature.struck-out";
    /// <summary>A seeded translation an editor vouched for: its "awaits review" notice is gone.</summary>
    public const string TranslationReviewed = "translation.reviewed";
    public const string MenuItemAdded = "menu.item-added";
    public const string MenuItemEdited = "menu.item-edited";
    public const string MenuItemMoved = "menu.item-moved";
    public const string MenuItemRemoved = "menu.item-removed";
}
