namespace Khilafat.Web.MailingList;

/// <summary>
/// The consent text shown beside the sign-up checkbox. Its version is stored with each consent, so the exact words a
/// person agreed to can always be shown. Change the text only together with a new version.
/// </summary>
public static class ConsentWording
{
    public const string Version = "join-2026-11";

    public const string Text =
        "I agree to receive emails from the Khilafat Movement, and to my email address, name and country being kept for that. " +
        "I can unsubscribe at any time with the link in every email.";

    /// <summary>
    /// The list's consent where the form asks no country (an event's answer): the same promise, naming only what that
    /// form keeps. A wording of its own, so its version says which one a person agreed to.
    /// </summary>
    public const string WithoutCountryVersion = "join-2026-12-no-country";

    public const string WithoutCountryText =
        "I agree to receive emails from the Khilafat Movement, and to my email address and name being kept for that. " +
        "I can unsubscribe at any time with the link in every email.";

    /// <summary>What is recorded for addresses an editor imports: their consent is asked for by the confirmation email itself.</summary>
    public const string ImportVersion = "import";

    public const string ImportText = "Added by an editor's import. Joining the list needs the person's own confirmation from the email sent to them.";

    /// <summary>What is recorded for addresses imported as Confirmed: the consent was given elsewhere, as the importer attests beside it.</summary>
    public const string AttestedImportVersion = "import-attested";

    public const string AttestedImportText = "Imported as confirmed on an admin's attestation that this person had already agreed to receive the movement's emails; where, how and when are recorded with it.";
}
