using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Khilafat.Web.Tests.MailingList;

public class ConfirmationTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    private async Task<(HttpClient Client, string Email, string ConfirmPath)> SignUpAsync()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("bilal");
        await client.SignUpAndSeeThanksAsync(email, "Bilal");
        var message = (await factory.WaitForEmailsToAsync(email)).Single();
        return (client, email, Mailbox.PathAndQuery(message.ConfirmLink()));
    }

    [Fact]
    public async Task OpeningTheConfirmationLink_ShowsAConfirmButton_AndDoesNotConfirm()
    {
        var (client, email, confirmPath) = await SignUpAsync();

        var page = await client.GetDocumentAsync(confirmPath);

        Assert.Equal("Confirm your subscription", page.QuerySelector("h1")!.Text());
        var form = page.Form();
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.Equal("Confirm my subscription", form.QuerySelector("button[type=submit]")!.Text());
        // Opening the link twice (as mail scanners do) changes nothing either.
        await client.GetDocumentAsync(confirmPath);
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Pending, subscriber!.Status);
        Assert.Null(subscriber.ConfirmedAt);
    }

    [Fact]
    public async Task PressingTheConfirmButton_ConfirmsTheSubscriber_AndShowsTheThankYouPage()
    {
        var (client, email, confirmPath) = await SignUpAsync();
        factory.Clock.Advance(TimeSpan.FromHours(2));

        using var response = await client.SubmitFormAsync(confirmPath);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/join/confirmed", response.LandedOnPath());
        Assert.Equal("Thank you for joining", page.QuerySelector("h1")!.Text());
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, subscriber.ConfirmedAt);

        // The link used again says so, and offers nothing to press.
        var again = await client.GetDocumentAsync(confirmPath);
        Assert.Equal("You are on the list", again.QuerySelector("h1")!.Text());
        Assert.Null(again.QuerySelector("main form"));
    }

    [Fact]
    public async Task AnExpiredLink_ShowsAClearPageWithALinkToJoin_AndConfirmsNothing()
    {
        var (client, email, confirmPath) = await SignUpAsync();
        // The page was opened in time, and its button pressed after the link's 7 days.
        var openedInTime = await client.GetDocumentAsync(confirmPath);
        factory.Clock.Advance(TimeSpan.FromDays(8));

        var opened = await client.GetDocumentAsync(confirmPath);
        using var pressed = await client.SubmitAsync(openedInTime.Form(), confirmPath);

        foreach (var page in new[] { opened, await pressed.ReadDocumentAsync() })
        {
            AssertLinkDoesNotWork(page);
            Assert.Contains("This confirmation link has expired", page.QuerySelector("main")!.Text());
        }
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("/join/confirm", pressed.LandedOnPath());
        var subscriber = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Pending, subscriber!.Status);
        Assert.Null(subscriber.ConfirmedAt);
    }

    [Theory]
    [InlineData("/join/confirm?token=garbage")]
    [InlineData("/join/confirm?token=%3Cscript%3E")]
    [InlineData("/join/confirm")]
    [InlineData("/join/confirm?token=")]
    public async Task AnUnknownOrGarbageToken_ShowsTheNotRecognisedPageWithALinkToJoin(string path)
    {
        var page = await factory.CreateClient().GetDocumentAsync(path);

        AssertLinkDoesNotWork(page);
        Assert.Contains("We do not recognise this confirmation link", page.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task AWellFormedTokenThatWasNeverIssued_ConfirmsNothing_WhenOpenedOrPosted()
    {
        var (client, email, confirmPath) = await SignUpAsync();
        var page = await client.GetDocumentAsync(confirmPath);
        var forged = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var subscribersBefore = await factory.SubscriberCountAsync();

        var opened = await client.GetDocumentAsync("/join/confirm?token=" + forged);
        using var posted = await client.SubmitAsync(page.Form(), confirmPath, Html.Values(("Token", forged)));

        AssertLinkDoesNotWork(opened);
        AssertLinkDoesNotWork(await posted.ReadDocumentAsync());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(email))!.Status);
        Assert.Equal(subscribersBefore, await factory.SubscriberCountAsync());
    }

    private static void AssertLinkDoesNotWork(IHtmlDocument page)
    {
        Assert.Equal("This link does not work any more", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("main a[href='/join']"));
        Assert.Null(page.QuerySelector("main form"));
    }
}
