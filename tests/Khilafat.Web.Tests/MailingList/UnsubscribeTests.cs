using System.Net;
using System.Text;
using System.Security.Cryptography;
using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.MailingList;

public class UnsubscribeTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    private async Task<(HttpClient Client, string Email, MimeMessage Message)> ConfirmedSubscriberAsync()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("leaving");
        var message = await client.SignUpAndConfirmAsync(factory, email, "Leaving Reader", "GB");
        return (client, email, message);
    }

    [Fact]
    public async Task OpeningTheUnsubscribeLink_ShowsAButton_AndDoesNotUnsubscribe()
    {
        var (client, email, message) = await ConfirmedSubscriberAsync();

        var page = await client.GetDocumentAsync(Mailbox.PathAndQuery(message.UnsubscribeLink()));

        Assert.Equal("Unsubscribe", page.QuerySelector("h1")!.Text());
        Assert.Contains($"Stop emails from the Khilafat Movement to l•••{email[(email.IndexOf('@') - 1)..]}?", page.QuerySelector("main")!.Text());
        Assert.Equal("Unsubscribe", page.Form().QuerySelector("button[type=submit]")!.Text());
        // In Arabic the address is isolated left to right, else its letters and digits are reordered around the dots.
        var arabic = await client.GetDocumentAsync("/ar" + Mailbox.PathAndQuery(message.UnsubscribeLink()));
        var masked = arabic.QuerySelector("main p bdi.masked-email")!;
        Assert.Equal(("ltr", $"l•••{email[(email.IndexOf('@') - 1)..]}"), (masked.GetAttribute("dir"), masked.Text()));
        Assert.EndsWith("؟", masked.ParentElement!.Text());
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Equal("Leaving Reader", subscriber.Name);
    }

    [Fact]
    public async Task PressingUnsubscribe_UnsubscribesAndForgetsNameAndCountry()
    {
        var (client, email, message) = await ConfirmedSubscriberAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        using var response = await client.SubmitFormAsync(Mailbox.PathAndQuery(message.UnsubscribeLink()));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You are unsubscribed", page.QuerySelector("h1")!.Text());
        Assert.Contains("This address is off the mailing list", page.QuerySelector("main")!.Text());
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber!.Status);
        Assert.Null(subscriber.Name);
        Assert.Null(subscriber.Country);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, subscriber.UnsubscribedAt);
        // The record of the consent and the opt-out stays, so the opt-out is honoured.
        Assert.Equal("/join", subscriber.Consent.Source);
    }

    [Fact]
    public async Task OneClickPost_ToTheHeadersAddress_WithoutAntiforgeryTokenOrCookie_Unsubscribes()
    {
        var (_, email, message) = await ConfirmedSubscriberAsync();
        // A mail provider's server: no cookies, no page, only the header's address and the RFC 8058 body.
        using var provider = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await provider.PostAsync(Mailbox.PathAndQuery(message.OneClickLink()),
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber!.Status);
        Assert.Null(subscriber.Name);
        Assert.Null(subscriber.Country);
    }

    public static TheoryData<string?, string?> NotOneClickBodies => new()
    {
        { null, null },
        { "", "application/x-www-form-urlencoded" },
        { "List-Unsubscribe=Yes", "application/x-www-form-urlencoded" },
        { "List-Unsubscribe=one-click", "application/x-www-form-urlencoded" },
        { "Unsubscribe=One-Click", "application/x-www-form-urlencoded" },
        { "List-Unsubscribe=One-Click", "text/plain" },
        { "{\"List-Unsubscribe\":\"One-Click\"}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(NotOneClickBodies))]
    public async Task OneClickPost_WithoutTheRfc8058Body_IsRefused_AndChangesNothing(string? body, string? contentType)
    {
        var (_, email, message) = await ConfirmedSubscriberAsync();
        using var provider = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await provider.PostAsync(Mailbox.PathAndQuery(message.OneClickLink()),
            body is null ? null : new StringContent(body, Encoding.ASCII, contentType!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(email))!.Status);
    }

    [Fact]
    public async Task OpeningTheOneClickAddressInABrowser_LeadsToThePageWithTheButton()
    {
        var (client, email, message) = await ConfirmedSubscriberAsync();

        var page = await client.GetDocumentAsync(Mailbox.PathAndQuery(message.OneClickLink()));

        Assert.Equal("Unsubscribe", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.Form());
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(email))!.Status);
    }

    // A subscriber's id is a running number: a token that showed it told a reader of their own link how many had
    // joined before them, and with a second address a week later, how fast the list grows.
    [Fact]
    public async Task TheLinksToken_DoesNotCarryTheSubscribersNumber_AndALinkOfTheFormerKind_StillUnsubscribes()
    {
        var (client, email, message) = await ConfirmedSubscriberAsync();
        var id = (await factory.SubscriberAsync(email))!.Id;
        var token = Mailbox.TokenOf(message.UnsubscribeLink())!;
        var (_, other, otherMessage) = await ConfirmedSubscriberAsync();
        var otherToken = Mailbox.TokenOf(otherMessage.UnsubscribeLink())!;

        Assert.Equal(22, token.Length);
        Assert.NotEqual(id, BitConverter.ToInt32(WebEncoders.Base64UrlDecode(token), 0));
        // Two subscribers who joined one after the other: nothing in common at the start of their tokens.
        Assert.NotEqual(token[..5], otherToken[..5]);

        // The former kind, in emails already sent: the id in clear, then 16 bytes of the site's keyed hash of it.
        var key = await factory.Services.GetRequiredService<SiteKeys>().LoadAsync();
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(MailingListService.UnsubscribePurpose + "\n" + id));
        var former = WebEncoders.Base64UrlEncode([.. BitConverter.GetBytes(id), .. mac.AsSpan(0, 16)]);
        using var response = await client.SubmitFormAsync("/unsubscribe?token=" + former);

        Assert.Equal("You are unsubscribed", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(email))!.Status);
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(other))!.Status);
    }

    [Fact]
    public async Task AWrongToken_IsRefused_AndChangesNothing()
    {
        var (client, email, message) = await ConfirmedSubscriberAsync();
        var token = Mailbox.TokenOf(message.UnsubscribeLink())!;
        // One character changed in the middle (the last one carries padding bits a decoder may ignore).
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var validPage = await client.GetDocumentAsync(Mailbox.PathAndQuery(message.UnsubscribeLink()));

        using var oneClick = await factory.CreateClient().PostAsync("/unsubscribe/one-click?token=" + tampered,
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        using var oneClickGarbage = await factory.CreateClient().PostAsync("/unsubscribe/one-click?token=garbage",
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        var opened = await client.GetDocumentAsync("/unsubscribe?token=" + tampered);
        using var pressed = await client.SubmitAsync(validPage.Form(), "/unsubscribe", Html.Values(("Token", tampered)));

        Assert.Equal(HttpStatusCode.NotFound, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oneClickGarbage.StatusCode);
        foreach (var page in new[] { opened, await pressed.ReadDocumentAsync() })
        {
            Assert.Equal("This link does not work", page.QuerySelector("h1")!.Text());
            Assert.Contains("We do not recognise this unsubscribe link", page.QuerySelector("main")!.Text());
            Assert.Null(page.QuerySelector("main form"));
        }
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Equal("Leaving Reader", subscriber.Name);
    }

    [Fact]
    public async Task AfterUnsubscribing_SigningUpAgain_DoesNotResubscribe_UntilTheNewConfirmationLinkIsUsed()
    {
        var (client, email, first) = await ConfirmedSubscriberAsync();
        using (await client.SubmitFormAsync(Mailbox.PathAndQuery(first.UnsubscribeLink()))) { }
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(email))!.Status);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        await client.SignUpAndSeeThanksAsync(email, "Back Again", "PK");

        var waiting = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Unsubscribed, waiting!.Status);
        var messages = await factory.WaitForEmailsToAsync(email, 2);
        var second = messages.Single(m => m.ConfirmLink() != first.ConfirmLink());
        // The old confirmation link does not bring the address back.
        var old = await client.GetDocumentAsync(Mailbox.PathAndQuery(first.ConfirmLink()));
        Assert.Null(old.QuerySelector("main form"));
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(email))!.Status);

        using var confirmed = await client.SubmitFormAsync(Mailbox.PathAndQuery(second.ConfirmLink()));

        Assert.Equal("/join/confirmed", confirmed.LandedOnPath());
        var back = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, back!.Status);
        Assert.Equal(("Back Again", "PK"), (back.Name, back.Country));
        Assert.Null(back.UnsubscribedAt);
    }
}
