using System.Globalization;
using Khilafat.Web.Jobs;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace Khilafat.Web.Tests.Durability;

/// <summary>
/// Sending an update to the list, with the built site as a process that is killed (SIGKILL) while it expands the
/// send and again while it sends, then started again on the same SQLite file: every subscriber still gets the update,
/// each under one Message-ID.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
public sealed class SendCrashTests : IDisposable
{
    // Enough for each kill to land mid-way (the expansion runs 100 batches of 10 and the first kill comes at 100 messages;
    // the second at half the list), few enough to finish within the waits on a loaded machine: 3,000 once ran past the
    // 120 s wait with the browser and integration suites running side by side.
    private const int Audience = 1000;

    private readonly DurabilityData _data = new();
    private readonly SimpleSmtpServer _smtp = LoopbackSmtp.Start();

    /// <summary>
    /// Mail to netDumbster, at no pace, claims that run out soon after a death (10 and 11 s) so the restarted site takes the
    /// work over within the test, and the expansion in batches of 10 so that it lasts long enough to be killed in.
    /// </summary>
    private Dictionary<string, string> Settings()
    {
        var settings = _data.Settings();
        settings.Remove("Email__PickupDirectory");
        settings["Email__Smtp__Host"] = "127.0.0.1";
        settings["Email__Smtp__Port"] = _smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture);
        settings["Email__Smtp__UseStartTls"] = "false";
        settings["Email__Smtp__Timeout"] = "00:00:04";
        settings["Email__ClaimTimeout"] = "00:00:10";
        settings["Jobs__ClaimTimeout"] = "00:00:11";
        settings["Jobs__PollInterval"] = "00:00:00.200";
        settings["Sending__PerSecond"] = "0";
        settings["Sending__ExpansionBatch"] = "10";
        return settings;
    }

    [Fact]
    public async Task KilledWhileExpanding_AndAgainMidSend_EverySubscriberGetsTheUpdate_UnderOneMessageId()
    {
        await using (var first = AppProcess.Launch(Settings()))
        {
            await first.WaitUntilHealthyAsync();
            await using var db = ListSends.Sqlite(_data.DatabasePath);
            var audience = await ListSends.AddConfirmedSubscribersAsync(db, "reader", Audience);
            var sendId = await ListSends.StartSendAsync(db);

            await Poll.UntilAsync(() => ListSends.StateAsync(db, sendId), s => s.Messages >= 100, "the expansion to queue 100 messages", TimeSpan.FromSeconds(60));
            first.Kill();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the site did not die");
            var afterFirstKill = await ListSends.StateAsync(db, sendId);
            Assert.False(afterFirstKill.Expanded, $"the expansion was over before the kill ({afterFirstKill}): nothing was killed mid-expansion");

            await using (var second = AppProcess.Launch(Settings()))
            {
                await second.WaitUntilHealthyAsync();
                // Killed mid-send: the expansion finished (taken over once its claim ran out) and part of the list has its mail.
                var arrivedBefore = _smtp.ReceivedEmailCount;
                await Poll.UntilAsync(() => ListSends.StateAsync(db, sendId), s => s.Expanded && _smtp.ReceivedEmailCount >= Math.Max(arrivedBefore + 200, Audience / 2),
                    "the expansion to finish and half the list to have its mail", TimeSpan.FromSeconds(120));
                second.Kill();
                Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the site did not die");
            }
            var afterSecondKill = await ListSends.StateAsync(db, sendId);
            Assert.True(afterSecondKill.Queued > 0, $"the send was over before the kill ({afterSecondKill}): nothing was killed mid-send");

            await using var third = AppProcess.Launch(Settings());
            await third.WaitUntilHealthyAsync();
            var done = await Poll.UntilAsync(() => ListSends.StateAsync(db, sendId), s => s.Finished, "the send to finish after the restart", TimeSpan.FromSeconds(120));

            Assert.Equal(Audience, done.Sent);
            var delivered = Delivery.All(_smtp);
            Assert.Equal(audience.Order(StringComparer.Ordinal), delivered.Select(d => d.To).Distinct().Order(StringComparer.Ordinal));
            // Each subscriber's message has one Message-ID, whatever happened to it.
            var mixed = delivered.GroupBy(d => d.To).Where(g => g.Select(d => d.MessageId).Distinct().Count() != 1).Select(g => g.Key).ToList();
            Assert.True(mixed.Count == 0, $"{mixed.Count} subscribers got the update under more than one Message-ID, e.g. {string.Join(", ", mixed.Take(5))}");
            Assert.Equal(Audience, delivered.Select(d => d.MessageId).Distinct().Count());
            // A kill can land between the SMTP server taking a message and the site marking it sent: that one message
            // (a sender hands over one at a time) goes again, under the same Message-ID (checked above), so mail
            // programs drop the repeat. Two kills: at most two repeats; none other.
            var repeated = delivered.GroupBy(d => d.To).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
            Assert.True(repeated.Count <= 2 && delivered.Count <= Audience + 2, $"{delivered.Count} deliveries to {Audience}; repeated: {string.Join(", ", repeated.Take(5))}");
        }
    }

    [Fact]
    public async Task AnExpansionThatFellDueWhileTheSiteWasDown_RunsWhenItStartsAgain()
    {
        await using var db = ListSends.Sqlite(_data.DatabasePath);
        IReadOnlyList<string> audience;
        int sendId;
        DateTime dueAt;
        await using (var before = AppProcess.Launch(Settings()))
        {
            await before.WaitUntilHealthyAsync();
            audience = await ListSends.AddConfirmedSubscribersAsync(db, "later", 20);
            // Scheduled for a moment from now; the site goes down before then.
            dueAt = DateTime.UtcNow.AddSeconds(2);
            sendId = await ListSends.StartSendAsync(db, dueAt);
            before.Kill();
            Assert.True(await before.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the site did not die");
        }
        Assert.Equal(JobStatus.Waiting, await JobStatusAsync(db, sendId));
        Assert.Equal(0, (await ListSends.StateAsync(db, sendId)).Messages);
        await Poll.UntilAsync(() => DateTime.UtcNow > dueAt, "the job's time to pass while the site is down");

        await using var after = AppProcess.Launch(Settings());
        await after.WaitUntilHealthyAsync();

        var state = await Poll.UntilAsync(() => ListSends.StateAsync(db, sendId), s => s.Finished, "the send to finish after the restart", TimeSpan.FromSeconds(60));
        Assert.Equal(audience.Count, state.Sent);
        Assert.Equal(JobStatus.Done, await JobStatusAsync(db, sendId));
        Assert.Equal(audience.Order(StringComparer.Ordinal), Delivery.All(_smtp).Select(d => d.To).Order(StringComparer.Ordinal));
    }

    private static Task<JobStatus> JobStatusAsync(Khilafat.Web.Data.SiteDbContext db, int sendId) =>
        db.Jobs.AsNoTracking().Where(j => j.Kind == JobKinds.ExpandSend && j.Key == sendId.ToString(CultureInfo.InvariantCulture)).Select(j => j.Status).SingleAsync();

    public void Dispose()
    {
        _smtp.Stop();
        _smtp.Dispose();
        _data.Dispose();
    }
}
