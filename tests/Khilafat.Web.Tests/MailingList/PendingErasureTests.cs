using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>Sign-ups never confirmed are erased by the periodic maintenance after MailingList:ErasePendingAfter (30 days).</summary>
public class PendingErasureTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task ASignUpNeverConfirmed_IsErasedWithItsEmails_After30Days_AndNoOtherIs()
    {
        var client = factory.CreateClient();
        var forgotten = Visitor.NewAddress("forgotten");
        var confirmed = Visitor.NewAddress("confirmed");
        var leaver = Visitor.NewAddress("leaver");
        await client.SignUpAndSeeThanksAsync(forgotten);
        await client.SignUpAndConfirmAsync(factory, confirmed);
        var leaverMessage = await client.SignUpAndConfirmAsync(factory, leaver);
        using (await client.SubmitFormAsync(Mailbox.PathAndQuery(leaverMessage.UnsubscribeLink()))) { }
        await factory.WaitUntilDeliveredAsync(forgotten);
        var maintenance = factory.Services.GetRequiredService<Maintenance>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        var recent = Visitor.NewAddress("recent");
        await client.SignUpAndSeeThanksAsync(recent);
        await maintenance.RunOnceAsync();
        Assert.NotNull(await factory.SubscriberAsync(forgotten));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await maintenance.RunOnceAsync();

        Assert.Null(await factory.SubscriberAsync(forgotten));
        Assert.Empty(await factory.OutboxToAsync(forgotten));
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(confirmed))!.Status);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(leaver))!.Status);
        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(recent))!.Status);
        Assert.Single(await factory.OutboxToAsync(recent));
    }
}
