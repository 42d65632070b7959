using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using MimeKit;

namespace Khilafat.Web.Tests.MailingList;

public class SignUpTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task SignUp_ShowsTheThanksPage_AndSendsExactlyOneConfirmationEmail_WithBothBodiesAndOneClickUnsubscribe()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("amina");

        var thanks = await client.SignUpAndSeeThanksAsync(email, "Amina Khan", "PK");

        Assert.Equal("Check your email", thanks.QuerySelector("h1")!.Text());
        Assert.Contains("we have sent it an email with a link to confirm", thanks.QuerySelector("main")!.Text());

        var messages = await factory.WaitForEmailsToAsync(email);
        await factory.WaitUntilDeliveredAsync(email);
        Assert.Single(factory.Smtp.MessagesTo(email));
        var message = messages.Single();

        Assert.Equal("Confirm your subscription to the Khilafat Movement mailing list", message.Subject);
        Assert.Equal([email], message.To.Mailboxes.Select(m => m.Address));
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains("Hello Amina Khan,", message.TextBody);
        // In the HTML, the name isolated (a name in another script keeps its order around the comma).
        Assert.Contains("Hello <span dir=\"auto\">Amina Khan</span>,", message.HtmlBody);

        var confirm = message.ConfirmLink();
        Assert.StartsWith("https://localhost/join/confirm?token=", confirm);
        Assert.Contains($"href=\"{confirm}\"", message.HtmlBody);

        var unsubscribe = message.UnsubscribeLink();
        Assert.StartsWith("https://localhost/unsubscribe?token=", unsubscribe);
        Assert.Contains($"Unsubscribe: {unsubscribe}", message.TextBody);
        Assert.Contains($"href=\"{unsubscribe}\"", message.HtmlBody);

        var oneClick = message.OneClickLink();
        Assert.StartsWith("https://localhost/unsubscribe/one-click?token=", oneClick);
        Assert.Equal(Mailbox.TokenOf(unsubscribe), Mailbox.TokenOf(oneClick));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SignUp_StoresAPendingSubscriber_WithTheAddressNormalized_AndTheConsentAsShownOnTheForm()
    {
        var client = factory.CreateClient();
        var local = "Amina." + Guid.NewGuid().ToString("N")[..10];
        var form = await client.GetDocumentAsync("/join");
        var wordingOnTheForm = form.QuerySelector("label.choice")!.Text();

        await client.SignUpAndSeeThanksAsync($"  {local}@Example.ORG ", "  Amina Khan ", "PK");

        var subscriber = await factory.SubscriberAsync($"{local}@example.org");
        Assert.NotNull(subscriber);
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal("Amina Khan", subscriber.Name);
        Assert.Equal("PK", subscriber.Country);
        Assert.Null(subscriber.ConfirmedAt);

        var consent = subscriber.Consent;
        Assert.Equal(ConsentWording.Version, consent.Version);
        Assert.Equal(wordingOnTheForm, consent.Text);
        Assert.Equal("/join", consent.Source);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, consent.GivenAt);

        // Nothing made from the address it was sent from is kept: no column for it, and neither the address nor the
        // site's keyed hash of it (which tied the subscriber to every other form sent from there) in any other.
        Assert.Empty(await factory.AddressColumnsAsync("Subscribers", subscriber.Id));
        Assert.Empty(await factory.AddressTracesAsync("Subscribers", subscriber.Id, MailSiteFactory.DefaultClientAddress));

        var queued = Assert.Single(await factory.OutboxToAsync(subscriber.Email));
        Assert.Equal("confirmation", queued.Kind);
        Assert.Equal(subscriber.Id, queued.SubscriberId);
    }
}
