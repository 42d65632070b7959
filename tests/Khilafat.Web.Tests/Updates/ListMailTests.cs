using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Updates;

/// <summary>
/// List mail as the sender delivers it: at the pace set (shared through the database, on the site's clock), and a
/// receiving server's permanent refusals counted against the subscriber until they bounce and are left out.
/// </summary>
public class ListMailTests
{
    /// <summary>Five list messages a second; the test clock stands still, so the next five wait until it is moved.</summary>
    public sealed class PacedSite : MailSiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Append(new("Sending:PerSecond", "5"));
    }

    /// <summary>Mail goes to a server that refuses every address containing "bounce".</summary>
    public sealed class RefusingSite() : MailSiteFactory(startSmtpServer: false)
    {
        public RefusingSmtp Mail { get; private set; } = null!;

        protected override void ConfigureServices(IServiceCollection services) => Mail ??= new RefusingSmtp(SmtpPort);

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Mail is not null) await Mail.DisposeAsync();
        }
    }

    [Fact]
    public async Task ListMail_GoesAtThePaceSet_ShortMailIsNotHeldBehindIt()
    {
        await using var factory = new PacedSite();
        var readers = new List<string>();
        for (var i = 0; i < 12; i++) readers.Add((await factory.AddSubscriberAsync("paced", "en", null)).Email);
        var update = await factory.CreateUpdateAsync(new UpdateText("en", "Vigil on Friday", "Join us in silence."));
        int Delivered() => readers.Sum(r => factory.Smtp.MessagesTo(r).Count);

        await factory.StartSendAsync(update);
        await Poll.UntilAsync(() => Delivered() == 5, "the first second's five messages");
        await factory.RunSenderRoundAsync();
        Assert.Equal(5, Delivered());

        // A confirmation is not list mail: it goes at once, whatever the list's pace.
        var joining = Visitor.NewAddress("joining");
        await factory.CreateClient().SignUpAndSeeThanksAsync(joining);
        await factory.WaitForEmailsToAsync(joining);
        Assert.Equal(5, Delivered());

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        factory.WakeSender();
        await Poll.UntilAsync(() => Delivered() == 10, "the next second's five");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        factory.WakeSender();
        await Poll.UntilAsync(() => Delivered() == 12, "the last two");
        Assert.All(readers, r => Assert.Single(factory.Smtp.MessagesTo(r)));
    }

    [Fact]
    public async Task APermanentRefusal_CountsAgainstTheSubscriber_AndAfterThree_TheyAreLeftOut()
    {
        await using var factory = new RefusingSite();
        _ = factory.Services;
        var reader = (await factory.AddSubscriberAsync("reader", "en", null)).Email;
        var gone = (await factory.AddSubscriberAsync("bounce", "en", null)).Email;

        for (var send = 1; send <= 3; send++)
        {
            var update = await factory.CreateUpdateAsync(new UpdateText("en", $"Update {send}", "Relief reached the camps."));
            await factory.StartSendAsync(update);
            await Poll.UntilAsync(async () => (await factory.OutboxToAsync(gone)).Count(m => m.Status == OutboxStatus.Failed) == send, $"refusal {send}");
            await Poll.UntilAsync(() => factory.Mail.Delivered.Count(r => r == reader) == send, $"delivery {send}");
        }

        var refused = await factory.OutboxToAsync(gone);
        // Refused for good: not tried again, and the reason kept for the admin.
        Assert.All(refused, m => Assert.Equal((OutboxStatus.Failed, 1), (m.Status, m.Attempts)));
        Assert.All(refused, m => Assert.StartsWith("550", m.LastError));
        // The admin's outbox page keeps the server's whole answer; the log keeps it without the address.
        Assert.All(refused, m => Assert.Contains(gone, m.LastError));
        var logged = factory.Logs.GetSnapshot().Where(r => r.Message.Contains("refused permanently")).Select(r => r.Message).ToList();
        Assert.Equal(3, logged.Count);
        Assert.All(logged, line => Assert.Contains("550: 5.1.1 <[address]>: Recipient address rejected", line));
        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Message.Contains(gone, StringComparison.OrdinalIgnoreCase));
        var bouncing = (await factory.SubscriberAsync(gone))!;
        Assert.Equal(3, bouncing.BounceCount);
        Assert.NotNull(bouncing.BouncingSince);
        Assert.Equal(0, (await factory.SubscriberAsync(reader))!.BounceCount);

        var fourth = await factory.CreateUpdateAsync(new UpdateText("en", "Update 4", "Thank you."));
        var counted = await factory.WithScopeAsync(sp => sp.GetRequiredService<UpdateSends>().CountAsync(fourth, SendAudience.Everyone));
        Assert.Equal(1, counted["en"]);
        var sendId = await factory.StartSendAsync(fourth);
        await Poll.UntilAsync(() => factory.Mail.Delivered.Count(r => r == reader) == 4, "the fourth delivery");
        Assert.Equal(3, factory.Mail.Refused.Count(r => r == gone));
        var queued = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.Where(m => m.SendId == sendId).Select(m => m.To).ToListAsync());
        Assert.Equal([reader], queued);
    }

    [Fact]
    public async Task AMessageRefusedForTheSendersAccount_IsTriedAgain_AndNeverCountsAgainstTheReader()
    {
        await using var factory = new RefusingSite();
        _ = factory.Services;
        var reader = (await factory.AddSubscriberAsync("paused", "en", null)).Email;

        for (var send = 1; send <= 3; send++)
        {
            var update = await factory.CreateUpdateAsync(new UpdateText("en", $"Paused {send}", "Relief reached the camps."));
            await factory.StartSendAsync(update);
            await Poll.UntilAsync(async () => (await factory.OutboxToAsync(reader)).Count(m => m.Attempts == 1) == send, $"refusal {send}");
        }

        // "554 5.7.1 Sending paused for this account": waiting to be tried again, the server's answer kept for the admin.
        var waiting = await factory.OutboxToAsync(reader);
        Assert.All(waiting, m => Assert.Equal(OutboxStatus.Queued, m.Status));
        Assert.All(waiting, m => Assert.StartsWith("554", m.LastError));
        var subscriber = (await factory.SubscriberAsync(reader))!;
        Assert.Equal(0, subscriber.BounceCount);
        Assert.Null(subscriber.BouncingSince);
        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Message.Contains("refused permanently"));
    }
}
