using System.Net;
using System.Text.Json;
using Khilafat.Web.Email;
using Khilafat.Web.Tests.Durability;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace Khilafat.Web.Tests.ScaleOut;

/// <summary>
/// Several instances behind a load balancer, with nothing changed but configuration: two site processes on one
/// PostgreSQL database and one Redis. What a visitor or an editor does on one instance holds on the other.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.Postgres)]
public partial class MultiInstanceTests
{
    [Fact]
    public async Task StartedTogether_OnANewDatabase_TheyMigrateSeedAndCreateTheAdminOnce()
    {
        await using var sites = await TwoInstances.StartAsync();

        Assert.Equal("1", await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT COUNT(*) FROM \"AspNetUsers\""));
        // Seeded once, not twice: home, statement, history, privacy and how-we-choose.
        Assert.Equal("5", await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT COUNT(*) FROM \"Pages\""));
        Assert.Equal("6", await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT COUNT(*) FROM \"FaqEntries\""));
        // One key protects both instances' cookies and tokens.
        Assert.Equal("1", await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT COUNT(*) FROM \"DataProtectionKeys\""));
        foreach (var instance in new[] { sites.A, sites.B })
        {
            using var client = new HttpClient { BaseAddress = instance.Address };
            using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetString());
            Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("redis").GetString());
        }
    }

    [Fact]
    public async Task SignedInOnA_TheSessionTheFormsAndTheStatusMessagesWorkOnB()
    {
        await using var sites = await TwoInstances.StartAsync();
        var (a, b) = sites.OneBrowser();

        await a.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);

        using var dashboard = await b.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/admin", dashboard.LandedOn());
        // A form A served, with A's anti-forgery token, submitted to B; B's status message read back on B.
        var form = (await a.GetDocumentAsync("/admin/faq/create")).Form();
        using var added = await b.SubmitAsync(form, "/admin/faq/create",
            Html.Values(("Input.Question", "Can I volunteer from abroad?"), ("Input.Answer", "Yes: help with translation and relief appeals.")));
        Assert.Equal("/admin/faq", added.LandedOn());
        Assert.Contains("The question is added.", (await added.ReadDocumentAsync()).Status());
        Assert.Contains("Can I volunteer from abroad?", (await a.GetDocumentAsync("/admin/faq")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task WithoutAConfiguredAdmin_BothLogOneSetupLink_ThatWorksOnEither_AndOnce()
    {
        await using var sites = await TwoInstances.StartAsync(new Dictionary<string, string> { ["Admin__Email"] = "", ["Admin__Password"] = "" });
        var linkA = await LoggedSetupPathAsync(sites.A);
        var linkB = await LoggedSetupPathAsync(sites.B);
        Assert.Equal(linkA, linkB);
        var (_, b) = sites.OneBrowser();
        using var otherBrowserOnA = new HttpClient { BaseAddress = sites.A.Address };

        // The link A logged, opened on B.
        var form = await b.GetDocumentAsync(linkA);
        using var done = await b.SubmitAsync(form.Form(), linkA,
            Html.Values(("Input.Email", "founder@example.org"), ("Input.Password", TwoInstances.AdminPassword), ("Input.ConfirmPassword", TwoInstances.AdminPassword)));

        Assert.Equal("/admin", done.LandedOn());
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowserOnA.GetAsync(linkA)).StatusCode);
        Assert.Equal("1", await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT COUNT(*) FROM \"AspNetUsers\""));
    }

    private static async Task<string> LoggedSetupPathAsync(AppProcess instance)
    {
        // Logged once the instance listens, which is just before it answers /healthz.
        await Poll.UntilAsync(() => SetupLink().IsMatch(instance.Output), "the setup link in the log");
        return SetupLink().Match(instance.Output).Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex("/setup\\?token=[0-9a-f]+")]
    private static partial System.Text.RegularExpressions.Regex SetupLink();

    [Fact]
    public async Task APagePublishedOnA_ShowsOnB_OnTheNextRequest()
    {
        await using var sites = await TwoInstances.StartAsync();
        var (a, _) = sites.OneBrowser();
        using var visitorOnB = new HttpClient { BaseAddress = sites.B.Address };
        // B serves the statement, and again, so that it is surely in the shared output cache.
        Assert.Equal("Reviving Khilafat for Justice", (await visitorOnB.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());
        Assert.Equal("Reviving Khilafat for Justice", (await visitorOnB.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());

        await a.SignInAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        var id = await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT \"Id\" FROM \"Pages\" WHERE \"Slug\" = 'statement'");
        using var saved = await a.SubmitFormAsync($"/admin/pages/edit/{id}",
            Html.Values(("Input.Title", "Reviving Khilafat for Justice and Relief")), submitter: "button[formaction*='handler=Save']");
        Assert.Contains("Saved. The public page shows it now.", (await saved.ReadDocumentAsync()).Status());

        Assert.Equal("Reviving Khilafat for Justice and Relief", (await visitorOnB.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task AfterARestore_AnInstanceStarting_DropsThePagesTheSharedCacheHeld()
    {
        await using var sites = await TwoInstances.StartAsync();
        using var visitorOnB = new HttpClient { BaseAddress = sites.B.Address };
        Assert.Equal("Reviving Khilafat for Justice", (await visitorOnB.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());

        // A restore changes the database under the site, not through it: here the statement's published title, as a
        // dump from before an edit would put it back. The shared cache still has the page as it was.
        var restored = await sites.Context().Database.ExecuteSqlRawAsync(
            "UPDATE \"Texts\" SET \"PublishedTitle\" = 'Reviving Khilafat (restored)' WHERE \"Kind\" = 'page' AND \"Culture\" = 'en' " +
            "AND \"ItemId\" = (SELECT \"Id\" FROM \"Pages\" WHERE \"Slug\" = 'statement')");
        Assert.Equal(1, restored);
        Assert.Equal("Reviving Khilafat for Justice", (await visitorOnB.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());

        // The README's restore ends by starting the instances: the first to start drops the cached pages for all.
        await using var started = sites.LaunchAnother();
        await started.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        Assert.Equal("Reviving Khilafat (restored)", (await visitorOnB.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task TheFormLimits_CountAcrossInstances()
    {
        await using var sites = await TwoInstances.StartAsync(new Dictionary<string, string> { ["RateLimits__SignUps"] = "4" });
        using var onA = new SignUpClient(sites.A.Address);
        using var onB = new SignUpClient(sites.B.Address);
        await onA.PrepareAsync();
        await onB.PrepareAsync();

        // Four sign-ups from one address, two through each instance, are all the window allows...
        foreach (var (client, i) in new[] { (onA, 1), (onB, 2), (onA, 3), (onB, 4) })
        {
            var status = await client.SignUpAsync($"limit-{i}-{Guid.NewGuid():N}@example.org");
            Assert.True(status == HttpStatusCode.OK, $"sign-up {i} answered {(int)status}:\n{sites.Output}");
        }

        // ...and the fifth is refused by either, though each has seen only two.
        Assert.Equal(HttpStatusCode.TooManyRequests, await onA.SignUpAsync($"limit-5-{Guid.NewGuid():N}@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await onB.SignUpAsync($"limit-6-{Guid.NewGuid():N}@example.org"));
        Assert.Equal("4", await TestDatabase.PostgresScalarAsync(sites.ConnectionString, "SELECT COUNT(*) FROM \"Subscribers\""));
    }

    [Fact]
    public async Task AThousandMessages_WithBothInstancesSending_AreEachSentOnce()
    {
        await using var sites = await TwoInstances.StartAsync();

        var recipients = await sites.QueueMessagesAsync(1000);
        await Poll.UntilAsync(() => sites.Smtp.ReceivedEmailCount >= recipients.Count, "1,000 messages to arrive", TimeSpan.FromSeconds(120));
        await WaitForAllMarkedSentAsync(sites);

        var delivered = Delivered(sites.Smtp);
        Assert.Equal(recipients.Order(), delivered.Select(m => m.To).Order());
        Assert.Equal(1000, delivered.Select(m => m.MessageId).Distinct().Count());
        // Both did their share, and between them their logs name each message once.
        var (byA, byB) = (TwoInstances.SentBy(sites.A), TwoInstances.SentBy(sites.B));
        Assert.True(byA > 0 && byB > 0, $"A sent {byA}, B sent {byB}");
        Assert.Equal(1000, byA + byB);
    }

    [Fact]
    public async Task AnInstanceKilledMidSend_LeavesNoMessageUnsent_AndNoneSentTwiceButTheOneInFlight()
    {
        await using var sites = await TwoInstances.StartAsync();

        var recipients = await sites.QueueMessagesAsync(1000);
        await Poll.UntilAsync(() => sites.Smtp.ReceivedEmailCount >= 200, "the first 200 messages to arrive", TimeSpan.FromSeconds(60));
        sites.A.Kill();
        var killedAt = DateTime.UtcNow;

        // B sends the rest, and A's unfinished claims once they run out (Email__ClaimTimeout is 10 s here).
        await Poll.UntilAsync(() => sites.Smtp.ReceivedEmailCount >= recipients.Count && Delivered(sites.Smtp).Select(m => m.To).Distinct().Count() >= recipients.Count,
            "every message to arrive after the kill", TimeSpan.FromSeconds(120));
        await WaitForAllMarkedSentAsync(sites);

        var delivered = Delivered(sites.Smtp);
        Assert.Equal(recipients.Order(), delivered.Select(m => m.To).Distinct().Order());
        // SIGKILL can land between the SMTP server taking a message and A marking it sent: that one message (A sends
        // one at a time) may go again, with the same Message-ID, so mail programs can drop the repeat. No other may.
        var repeated = delivered.GroupBy(m => m.To).Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count <= 1, $"{repeated.Count} messages were sent more than once: {string.Join(", ", repeated.Take(5).Select(g => g.Key))}");
        Assert.All(repeated, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        Assert.True(TwoInstances.SentBy(sites.A) >= 1, "A sent nothing before it was killed");
        Assert.True(DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(100));
    }

    private sealed record Delivery(string To, string MessageId);

    // Read from the envelope and headers netDumbster keeps (parsing 1,000 whole messages on every poll would load the machine).
    private static List<Delivery> Delivered(SimpleSmtpServer smtp) =>
        smtp.Received().Select(m => new Delivery(m.ToAddresses.Single().Address, m.Headers["Message-ID"] ?? "(none)")).ToList();

    private static Task WaitForAllMarkedSentAsync(TwoInstances sites) =>
        Poll.UntilAsync(async () =>
        {
            await using var db = sites.Context();
            return await db.OutboxMessages.CountAsync(m => m.Kind == "scale-test" && m.Status != OutboxStatus.Sent) == 0;
        }, "every message to be marked sent", TimeSpan.FromSeconds(30));

}
