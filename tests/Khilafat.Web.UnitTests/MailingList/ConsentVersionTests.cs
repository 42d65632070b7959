using Khilafat.Web.MailingList;
using Khilafat.Web.Testimonials;

namespace Khilafat.Web.UnitTests.MailingList;

/// <summary>
/// Each stored consent names the version of the words a person agreed to, so the words of a version may never change.
/// Every version ever used is listed here with its words: a change to a text fails these tests until it gets a new version
/// (added below, the old one kept).
/// </summary>
public class ConsentVersionTests
{
    private static readonly Dictionary<string, string> MailingListWordings = new()
    {
        ["join-2026-11"] =
            "I agree to receive emails from the Khilafat Movement, and to my email address, name and country being kept for that. " +
            "I can unsubscribe at any time with the link in every email.",
        ["import"] = "Added by an editor's import. Joining the list needs the person's own confirmation from the email sent to them.",
        ["import-attested"] =
            "Imported as confirmed on an admin's attestation that this person had already agreed to receive the movement's emails; " +
            "where, how and when are recorded with it.",
    };

    private static readonly Dictionary<string, string> TestimonialWordings = new()
    {
        ["testimonial-2026-11"] =
            "I agree that the Khilafat Movement may publish my words, my display name and my place on its web site. " +
            "I can ask for them to be taken down at any time.",
    };

    [Fact]
    public void TheMailingListConsent_HasTheWordsOfItsVersion()
    {
        Assert.True(MailingListWordings.TryGetValue(ConsentWording.Version, out var words), $"A new version {ConsentWording.Version}: add it and its words to this test.");
        Assert.Equal(ConsentWording.Text, words);
    }

    [Fact]
    public void TheImportNote_HasTheWordsOfItsVersion()
    {
        Assert.True(MailingListWordings.TryGetValue(ConsentWording.ImportVersion, out var words), $"A new version {ConsentWording.ImportVersion}: add it and its words to this test.");
        Assert.Equal(ConsentWording.ImportText, words);
        Assert.NotEqual(ConsentWording.Version, ConsentWording.ImportVersion);
    }

    [Fact]
    public void TheAttestedImportNote_HasTheWordsOfItsVersion()
    {
        Assert.True(MailingListWordings.TryGetValue(ConsentWording.AttestedImportVersion, out var words), $"A new version {ConsentWording.AttestedImportVersion}: add it and its words to this test.");
        Assert.Equal(ConsentWording.AttestedImportText, words);
        Assert.DoesNotContain(ConsentWording.AttestedImportVersion, new[] { ConsentWording.Version, ConsentWording.ImportVersion });
    }

    [Fact]
    public void TheTestimonialConsent_HasTheWordsOfItsVersion()
    {
        Assert.True(TestimonialWordings.TryGetValue(TestimonialConsent.Version, out var words), $"A new version {TestimonialConsent.Version}: add it and its words to this test.");
        Assert.Equal(TestimonialConsent.Text, words);
    }

    [Theory]
    [InlineData("en", "join-2026-11")]
    [InlineData("ar", "join-2026-11-ar")]
    [InlineData("ur", "join-2026-11-ur")]
    public void ASignUp_RecordsTheVersionOfTheWordsInItsPagesLanguage(string language, string version)
    {
        var request = new SignUpRequest("reader@example.org", null, null, language, "/join");

        Assert.Equal(version, request.ConsentVersion);
    }

    [Fact]
    public void ASignUp_RecordsTheWordsAsShown_OrTheEnglishWordsWhenNoneWereGiven()
    {
        const string arabic = "أوافق على تلقي رسائل البريد الإلكتروني من حركة الخلافة.";

        Assert.Equal(arabic, new SignUpRequest("r@example.org", null, null, "ar", "/ar/join", arabic).ShownConsentText);
        Assert.Equal(ConsentWording.Text, new SignUpRequest("r@example.org", null, null, "en", "/join").ShownConsentText);
    }
}
