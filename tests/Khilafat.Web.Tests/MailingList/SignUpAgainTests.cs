using System.Net;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>Signing up an address that is already known: the visitor learns nothing, and the address is not flooded.</summary>
public class SignUpAgainTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task SigningUpAgain_AnswersExactlyAsForANewAddress_WhateverTheAddressesState()
    {
        var client = factory.CreateClient();
        var pending = Visitor.NewAddress("pending");
        var confirmed = Visitor.NewAddress("confirmed");
        var unsubscribed = Visitor.NewAddress("unsubscribed");
        await client.SignUpAndSeeThanksAsync(pending);
        await client.SignUpAndConfirmAsync(factory, confirmed);
        var message = await client.SignUpAndConfirmAsync(factory, unsubscribed);
        using (await client.SubmitFormAsync(Mailbox.PathAndQuery(message.UnsubscribeLink()))) { }
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(unsubscribed))!.Status);

        var visitor = factory.CreateNonRedirectingClient();
        var answers = new List<(string Location, string Page)>();
        foreach (var email in new[] { Visitor.NewAddress("new"), pending, confirmed, unsubscribed })
        {
            using var response = await visitor.SignUpAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            var page = await visitor.GetDocumentAsync(location);
            answers.Add((location, page.QuerySelector("main")!.Text()));
        }

        Assert.Equal("/join/thanks", answers[0].Location);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task APendingAddress_GetsNoSecondEmailWithinTenMinutes_OneAfterTen_AndAtMostThreeADay()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("pending");
        factory.StartOfANewUtcDay();

        await client.SignUpAndSeeThanksAsync(email);
        var links = await AssertEmailsAsync(email, 1, []);

        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        await client.SignUpAndSeeThanksAsync(email);
        await AssertEmailsAsync(email, 1, links);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.SignUpAndSeeThanksAsync(email);
        links = await AssertEmailsAsync(email, 2, links);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await client.SignUpAndSeeThanksAsync(email);
        links = await AssertEmailsAsync(email, 3, links);

        // A fourth the same day is refused however long the wait.
        foreach (var wait in new[] { 11, 60, 600 })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(wait));
            await client.SignUpAndSeeThanksAsync(email);
            await AssertEmailsAsync(email, 3, links);
        }
        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(email))!.Status);

        // Each email replaced the one before: only the newest link still leads to a confirm button.
        var pages = new List<string>();
        foreach (var link in links) pages.Add((await client.GetDocumentAsync(Mailbox.PathAndQuery(link))).QuerySelector("h1")!.Text());
        Assert.Equal(["This link does not work any more", "This link does not work any more", "Confirm your subscription"], pages);
    }

    [Fact]
    public async Task APendingAddress_MayGetANewEmailTheNextDay()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("nextday");
        factory.StartOfANewUtcDay();
        for (var i = 1; i <= 3; i++)
        {
            await client.SignUpAndSeeThanksAsync(email);
            await AssertEmailsAsync(email, i, []);
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        factory.StartOfANewUtcDay();
        await client.SignUpAndSeeThanksAsync(email);

        await AssertEmailsAsync(email, 4, []);
    }

    [Fact]
    public async Task AConfirmedSubscriber_SigningUpAgain_IsNeverChanged_OnlyCountedAsASignUpIs_AndGetsNoEmail()
    {
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("loyal");
        await client.SignUpAndConfirmAsync(factory, email, "Amina", "PK");
        var before = await factory.SubscriberAsync(email);

        foreach (var wait in new[] { 0, 11, 24 * 60 })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(wait));
            await client.SignUpAndSeeThanksAsync(email, "Someone Else", "GB");
        }

        var after = await factory.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, after!.Status);
        Assert.Equal(("Amina", "PK"), (after.Name, after.Country));
        Assert.Equal(before!.ConfirmedAt, after.ConfirmedAt);
        Assert.Equal(before.Consent.GivenAt, after.Consent.GivenAt);
        // Counted as a confirmation email would be (the first try came within 10 minutes of the real one, and was not):
        // the sign-up writes and commits as a new address's does, so its answer's time does not tell who is on the list.
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal((now, DateOnly.FromDateTime(now), 1), (after.LastConfirmationAt, after.ConfirmationsDay, after.ConfirmationsOnDay));
        Assert.Equal((before.ConfirmTokenHash, before.ConfirmTokenExpiresAt), (after.ConfirmTokenHash, after.ConfirmTokenExpiresAt));
        await AssertEmailsAsync(email, 1, []);
    }

    [Fact]
    public async Task PlusAddressVariants_ShareTheMailboxsAllowance_OfOneEmailPerTenMinutesAndThreeADay()
    {
        var client = factory.CreateClient();
        var mailbox = Visitor.NewAddress("plus");
        string Variant(string tag) => mailbox.Replace("@", "+" + tag + "@", StringComparison.Ordinal);
        factory.StartOfANewUtcDay();

        await client.SignUpAndSeeThanksAsync(Variant("a"));
        await client.SignUpAndSeeThanksAsync(Variant("b"));
        await client.SignUpAndSeeThanksAsync(mailbox.ToUpperInvariant());
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await client.SignUpAndSeeThanksAsync(Variant("c"));
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await client.SignUpAndSeeThanksAsync(mailbox);
        foreach (var tag in new[] { "d", "e", "f" })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(11));
            await client.SignUpAndSeeThanksAsync(Variant(tag));
        }

        var sent = new Dictionary<string, int>();
        foreach (var address in new[] { Variant("a"), Variant("b"), Variant("c"), mailbox, Variant("d"), Variant("e"), Variant("f") })
            sent[address] = (await factory.OutboxToAsync(address)).Count;
        Assert.Equal(3, sent.Values.Sum());
        Assert.Equal([1, 0, 1, 1, 0, 0, 0], sent.Values);
        // Another mailbox at the same domain is not held back.
        var neighbour = Visitor.NewAddress("plus");
        await client.SignUpAndSeeThanksAsync(neighbour);
        Assert.Single(await factory.OutboxToAsync(neighbour));
    }

    [Fact]
    public async Task AnAddressWithACapitalOutsideAscii_SigningUpAgain_IsTheSameSubscriber_WithANewEmail()
    {
        // SQLite's NOCASE folds only ASCII, so the lower-cased mailbox ("émile@") does not match the stored "Émile@":
        // the address itself must still be found, or the second sign-up would try to insert it again.
        var client = factory.CreateClient();
        var email = "Émile." + Guid.NewGuid().ToString("N")[..12] + "@example.org";
        factory.StartOfANewUtcDay();

        await client.SignUpAndSeeThanksAsync(email);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await client.SignUpAndSeeThanksAsync(email, "Émile");

        Assert.Equal("Émile", (await factory.SubscriberAsync(email))!.Name);
        Assert.Equal(2, (await factory.OutboxToAsync(email)).Count);
    }

    /// <summary>
    /// The queue holds exactly <paramref name="count"/> messages to the address, all delivered, and the server got
    /// exactly that many. Returns their confirm links in the order they came: <paramref name="known"/>, then any new one.
    /// </summary>
    private async Task<List<string>> AssertEmailsAsync(string email, int count, List<string> known)
    {
        var queued = await factory.OutboxToAsync(email);
        Assert.Equal(count, queued.Count);
        await factory.WaitUntilDeliveredAsync(email, count);
        await factory.WaitForEmailsToAsync(email, count);
        var received = factory.Smtp.MessagesTo(email);
        Assert.Equal(count, received.Count);
        return [.. known, .. received.Select(m => m.ConfirmLink()).Except(known)];
    }
}
