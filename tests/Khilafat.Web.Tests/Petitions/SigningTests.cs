using System.Net;
using Khilafat.Web.MailingList;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Petitions.PetitionTestSupport;

namespace Khilafat.Web.Tests.Petitions;

/// <summary>Signing a petition: double opt-in, one signature per address, the count of confirmed signatures only.</summary>
public class SigningTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task Signing_SendsAConfirmation_AndTheSignatureCountsOnlyOnceConfirmed()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Open the crossings"), goal: 4);
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("amina");

        var thanks = await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email, showName: true));

        Assert.Equal("Check your email", thanks.QuerySelector("h1")!.Text());
        var stored = Assert.Single(await factory.SignaturesAsync(id));
        Assert.Equal(SignatureStatus.Pending, stored.Status);
        Assert.Equal(PetitionConsentWording.Version, stored.Consent.Version);
        Assert.Equal(PetitionConsentWording.Text, stored.Consent.Text);
        Assert.Equal($"/petitions/{slug}/sign", stored.Consent.Source);
        Assert.Empty(await factory.AddressColumnsAsync("PetitionSignatures", stored.Id));
        Assert.Empty(await factory.AddressTracesAsync("PetitionSignatures", stored.Id, MailSiteFactory.DefaultClientAddress));
        // Pending: the page counts nothing yet, and shows no name.
        var page = await visitor.GetDocumentAsync($"/petitions/{slug}");
        Assert.Equal("0 signatures", page.QuerySelector(".petition-count")!.Text());
        Assert.Null(page.QuerySelector(".petition-signers"));

        var message = Assert.Single(await factory.SignatureEmailsAsync(email));
        Assert.StartsWith("Confirm your signature: Open the crossings", message.Subject);
        Assert.StartsWith("https://localhost/petitions/confirm?token=", ConfirmUrl(message));
        // Opening the link (as a mail scanner does) changes nothing: only its button confirms.
        var confirmPage = await visitor.GetDocumentAsync(Mailbox.PathAndQuery(ConfirmUrl(message)));
        Assert.Equal("Confirm your signature", confirmPage.QuerySelector("h1")!.Text());
        Assert.Equal(SignatureStatus.Pending, Assert.Single(await factory.SignaturesAsync(id)).Status);

        using var confirmed = await visitor.ConfirmAsync(message);

        Assert.Equal($"/petitions/{slug}/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(SignatureStatus.Confirmed, Assert.Single(await factory.SignaturesAsync(id)).Status);
        // The moment a signer is readiest to pass it on: the petition's plain share links, with its own address.
        var shareLinks = (await confirmed.ReadDocumentAsync()).QuerySelectorAll(".petition-share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, shareLinks.Count);
        Assert.Contains($"https://wa.me/?text=Open%20the%20crossings", shareLinks[1]);
        Assert.Contains(Uri.EscapeDataString($"https://localhost/petitions/{slug}"), shareLinks[1]);
        // The page was cached showing 0: the confirmed signature shows within the promised 10 seconds.
        await visitor.WaitForCountShownAsync(slug, "1 signature");
        page = await visitor.GetDocumentAsync($"/petitions/{slug}");
        Assert.Contains("1 of a goal of 4 (25%)", page.QuerySelector(".petition-progress")!.Text());
        var progress = page.QuerySelector("progress")!;
        Assert.Equal("4", progress.GetAttribute("max"));
        Assert.Equal("1", progress.GetAttribute("value"));
        // Only the first name, an initial and the country: never the whole name.
        Assert.Equal("Amina K., Pakistan", page.QuerySelector(".petition-signers li")!.Text());
        Assert.DoesNotContain("Khan", page.QuerySelector("main")!.Text());
        // In Arabic, with Arabic's comma and the country's Arabic name.
        Assert.Equal("Amina K.، باكستان", (await visitor.GetDocumentAsync($"/ar/petitions/{slug}")).QuerySelector(".petition-signers li")!.Text());
    }

    [Fact]
    public async Task TheConfirmation_IsInTheSignersLanguage_WithThePetitionsTitleThere_OrTheEnglishOneWhenNotTranslated()
    {
        var english = NewTitle("Open the crossings");
        var (id, slug) = await factory.CreatePetitionAsync(english, translations: ("ar", "افتحوا المعابر", "نص العريضة"));
        var visitor = factory.CreateClient();
        var (arabic, urdu) = (Visitor.NewAddress("arabic"), Visitor.NewAddress("urdu"));

        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(arabic), prefix: "/ar");
        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(urdu), prefix: "/ur");

        var inArabic = Assert.Single(await factory.SignatureEmailsAsync(arabic));
        Assert.Contains("افتحوا المعابر", inArabic.Subject);
        Assert.DoesNotContain(english, inArabic.TextBody);
        Assert.StartsWith("https://localhost/ar/petitions/confirm?token=", ConfirmUrl(inArabic));
        Assert.Matches($@"https://localhost/ar/petitions/{slug}(\s|$)", inArabic.TextBody);
        var inUrdu = Assert.Single(await factory.SignatureEmailsAsync(urdu));
        Assert.Contains(english, inUrdu.Subject);
        Assert.StartsWith("https://localhost/ur/petitions/confirm?token=", ConfirmUrl(inUrdu));
        Assert.Equal(["ar", "ur"], (await factory.SignaturesAsync(id)).Select(s => s.Language).Order());

        using var confirmed = await visitor.ConfirmAsync(inArabic);
        Assert.Equal($"/ar/petitions/{slug}/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(SignatureStatus.Confirmed, (await factory.SignaturesAsync(id)).Single(s => s.Language == "ar").Status);
    }

    [Fact]
    public async Task SigningTwice_WithTheSameAddress_CountsOnce()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Once only"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("twice");

        await visitor.SignAndConfirmAsync(factory, slug, SignValues(email));
        // Again, in another case, after the resend interval: the same page, nothing sent, nothing counted twice.
        factory.Clock.Advance(ConfirmationLimits.ResendInterval);
        var again = await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email.ToUpperInvariant().Replace("@EXAMPLE.ORG", "@example.org"), name: "Someone Else"));

        Assert.Equal("Check your email", again.QuerySelector("h1")!.Text());
        var stored = Assert.Single(await factory.SignaturesAsync(id));
        Assert.Equal(SignatureStatus.Confirmed, stored.Status);
        Assert.Equal("Amina Khan", stored.Name);
        Assert.Single(await factory.SignatureEmailsAsync(email));
        Assert.Equal("1 signature", await visitor.CountShownAsync(slug));
        // Only counted, as a new signature's email is, so that the answer takes as long as a new signer's.
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.LastConfirmationAt);
    }

    [Fact]
    public async Task ASupporter_SignsOnePetitionThenAnother_AndGetsEachOnesLink()
    {
        var (firstId, first) = await factory.CreatePetitionAsync(NewTitle("First of two"));
        var (secondId, second) = await factory.CreatePetitionAsync(NewTitle("Second of two"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("two.petitions");

        await visitor.SignAndConfirmAsync(factory, first, SignValues(email));
        // The first again at once (a second press, going back), then the second, within minutes: each petition
        // counts its own emails, so the second's link is sent.
        await visitor.SignAndSeeThanksAsync(factory, first, SignValues(email));
        await visitor.SignAndSeeThanksAsync(factory, second, SignValues(email));

        var emails = await factory.SignatureEmailsAsync(email, 2);
        Assert.Equal(2, emails.Count);
        using var confirmed = await visitor.ConfirmAsync(Assert.Single(emails, m => m.Subject!.Contains("Second of two")));
        Assert.Equal($"/petitions/{second}/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(SignatureStatus.Confirmed, Assert.Single(await factory.SignaturesAsync(secondId)).Status);
        Assert.Equal(SignatureStatus.Confirmed, Assert.Single(await factory.SignaturesAsync(firstId)).Status);
    }

    [Fact]
    public async Task PendingSignatures_NeverCount_AndResendsStopAtThreeADay()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Pending"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("pending");
        factory.StartOfANewUtcDay();

        for (var i = 0; i < 5; i++)
        {
            await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email));
            factory.Clock.Advance(ConfirmationLimits.ResendInterval);
        }

        Assert.Equal(SignatureStatus.Pending, Assert.Single(await factory.SignaturesAsync(id)).Status);
        Assert.Equal(3, (await factory.SignatureEmailsAsync(email, 3)).Count);
        await factory.WaitUntilDeliveredAsync(email, 3);
        Assert.Equal(3, (await factory.OutboxToAsync(email)).Count);
        Assert.Equal("0 signatures", await visitor.CountShownAsync(slug));
    }

    [Fact]
    public async Task AConfirmedSubscriber_StillConfirmsTheirSignature()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Subscriber signs"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("subscriber");
        await visitor.SignUpAndConfirmAsync(factory, email, "Bilal Ahmed", "GB");

        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email, name: "Bilal Ahmed", country: "GB"));

        Assert.Equal(SignatureStatus.Pending, Assert.Single(await factory.SignaturesAsync(id)).Status);
        Assert.Single(await factory.SignatureEmailsAsync(email));
        Assert.Equal("0 signatures", await visitor.CountShownAsync(slug));
    }

    [Fact]
    public async Task TheMailingListBox_CreatesAPendingSubscriber_WithItsOwnConsentAndConfirmation()
    {
        var (_, slug) = await factory.CreatePetitionAsync(NewTitle("And join"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("joiner");

        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email, name: "Sara Malik", country: "GB", joinList: true));

        var subscriber = await factory.SubscriberAsync(email);
        Assert.NotNull(subscriber);
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal(ConsentWording.Version, subscriber.Consent.Version);
        Assert.Equal(ConsentWording.Text, subscriber.Consent.Text);
        Assert.Equal($"/petitions/{slug}/sign", subscriber.Consent.Source);
        // Two emails: the signature's confirmation and the list's, each with its own link.
        var messages = await factory.WaitForEmailsToAsync(email, 2);
        Assert.Single(messages, m => m.Subject == "Confirm your subscription to the Khilafat Movement mailing list" && (m.TextBody ?? "").Contains("/join/confirm?token="));
        Assert.Single(messages, m => (m.TextBody ?? "").Contains("/petitions/confirm?token="));
    }

    [Fact]
    public async Task WithoutTheMailingListBox_NobodyIsAddedToTheList()
    {
        var (_, slug) = await factory.CreatePetitionAsync(NewTitle("Only sign"));
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("signer");

        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email));

        Assert.Null(await factory.SubscriberAsync(email));
    }

    [Fact]
    public async Task BadInput_IsShownBesideTheFields_AndNothingIsStored()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Bad input"));
        var visitor = factory.CreateClient();

        using var response = await visitor.SignAsync(factory, slug, SignValues("not-an-address", name: "", country: "XX", consent: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter an email address like name@example.org.", page.FieldError("Input.Email"));
        Assert.Equal("Enter your name.", page.FieldError("Input.Name"));
        Assert.Equal("Choose your country from the list.", page.FieldError("Input.Country"));
        Assert.Equal("Tick the box to sign: it says what we do with your details.", page.FieldError("Input.Consent"));
        Assert.Empty(await factory.SignaturesAsync(id));
    }

    [Fact]
    public async Task ARobot_FillingTheHoneypot_IsThanked_AndNothingIsStored_AndASignatureSentWithinSeconds_IsShownAgain()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Robots"));
        var visitor = factory.CreateClient();

        var honeypot = SignValues(Visitor.NewAddress("robot"));
        honeypot["Input.Website"] = "http://spam.example";
        await visitor.SignAndSeeThanksAsync(factory, slug, honeypot);
        Assert.Empty(await factory.SignaturesAsync(id));

        // Sent the moment the form was served, as a program would, or a person with autofill and a quick tap: nothing
        // is kept, and the form comes back as it was sent (an empty one with its fields' errors), never a false "thanks".
        var url = $"/petitions/{slug}/sign";
        using var empty = await visitor.SubmitAsync((await visitor.GetDocumentAsync(url)).Form("main form.petition-form"), url, Html.Values(("Input.Name", "")));
        Assert.Equal("Enter your name.", (await empty.ReadDocumentAsync()).FieldError("Input.Name"));
        var quick = Visitor.NewAddress("quick");
        using var fast = await visitor.SubmitAsync((await visitor.GetDocumentAsync(url)).Form("main form.petition-form"), url, SignValues(quick));
        var shownAgain = await fast.ReadDocumentAsync();
        Assert.Equal(url, fast.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("This form was sent seconds after it opened, so nothing was sent yet.", shownAgain.QuerySelector(".error-summary")!.Text());
        Assert.Equal(quick, shownAgain.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Empty(await factory.SignaturesAsync(id));

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var again = await visitor.SubmitAsync(shownAgain.Form("main form.petition-form"), url, Html.Values(("Input.Consent", "true")));
        Assert.Equal($"/petitions/{slug}/thanks", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Single(await factory.SignaturesAsync(id));
    }

    [Fact]
    public async Task ClosingThePetition_StopsSigning_WithAClearPage_AndShowsTheFinalCount()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Closing"));
        var visitor = factory.CreateClient();
        var signer = Visitor.NewAddress("early");
        await visitor.SignAndConfirmAsync(factory, slug, SignValues(signer));
        var late = Visitor.NewAddress("late");
        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(late));
        var lateMessage = Assert.Single(await factory.SignatureEmailsAsync(late));
        var form = await visitor.GetDocumentAsync($"/petitions/{slug}/sign");

        await factory.WithScopeAsync(async sp => Assert.Equal(PetitionStateChange.Done,
            await sp.GetRequiredService<PetitionEditor>().CloseAsync(id, Khilafat.Web.Audit.Actor.System)));

        // A form opened before the close: sending it stores nothing and says signing is closed.
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var refused = await visitor.SubmitAsync(form.Form("main form.petition-form"), $"/petitions/{slug}/sign", SignValues(Visitor.NewAddress("after")));
        var refusedPage = await refused.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Signing is closed", refusedPage.QuerySelector("h1")!.Text());
        Assert.Null(refusedPage.QuerySelector("main form"));
        Assert.Equal("Signing is closed", (await visitor.GetDocumentAsync($"/petitions/{slug}/sign")).QuerySelector("h1")!.Text());
        // A confirmation that comes after the close does not count.
        using var lateConfirm = await visitor.GetAsync(Mailbox.PathAndQuery(ConfirmUrl(lateMessage)));
        Assert.Contains("This petition is closed", (await lateConfirm.ReadDocumentAsync()).QuerySelector("main")!.Text());
        Assert.Equal(2, (await factory.SignaturesAsync(id)).Count);
        var page = await visitor.GetDocumentAsync($"/petitions/{slug}");
        Assert.Contains("This petition is closed. Final count: 1 signature.", page.QuerySelector("main")!.Text());
        Assert.Null(page.QuerySelector("#sign"));
    }
}
