using System.Net;
using System.Text.Json;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.ScaleOut;

/// <summary>
/// Redis configured but not answering (down, or not yet up): the site goes on serving, with pages rendered afresh and
/// the form limits counted in the process, and /healthz says Degraded (still 200, so a load balancer keeps it).
/// </summary>
public class RedisOutageTests(RedisOutageTests.Factory factory) : IClassFixture<RedisOutageTests.Factory>
{
    public sealed class Factory : MailSiteFactory
    {
        protected override int SignUpsPerWindow => 3;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Append(new("Redis:Configuration", $"127.0.0.1:{Ports.FreeLoopback()},connectTimeout=500"));

    }

    [Fact]
    public async Task PublicPages_AreStillServed()
    {
        var visitor = factory.CreateClient();

        foreach (var path in new[] { "/", "/statement", "/statement", "/faq", "/ar/statement" })
        {
            using var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal("Reviving Khilafat for Justice", (await visitor.GetDocumentAsync("/statement")).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Healthz_SaysDegraded_NamingRedis()
    {
        using var response = await factory.CreateClient().GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Degraded", json.RootElement.GetProperty("checks").GetProperty("redis").GetString());
    }

    [Fact]
    public async Task TheFormLimits_StillHold_CountedInTheProcess()
    {
        var visitor = factory.CreateClient();
        visitor.DefaultRequestHeaders.Add(MailSiteFactory.ClientAddressHeader, "198.51.100.77");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await visitor.SignUpAsync(Visitor.NewAddress("outage"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>A Redis that refuses the site's password: the site starts all the same, and says which it is, not "does not answer".</summary>
[Trait(TestDatabase.Trait, TestDatabase.Postgres)]
public class RedisPasswordTests
{
    [Fact]
    public async Task APasswordRedisRefuses_IsNamedInTheLog()
    {
        // A Redis of its own with a password (Debian's redis-server, as ./test.sh installs it for the shared one).
        var port = Ports.FreeLoopback();
        using var redis = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--requirepass", "the-real-password", "--save", "", "--appendonly", "no"])
            { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            await Poll.UntilAsync(async () =>
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                try { await tcp.ConnectAsync(IPAddress.Loopback, port); return true; }
                catch (System.Net.Sockets.SocketException) { return false; }
            }, up => up, "redis-server listening");
            using var data = new Durability.DurabilityData();
            var settings = data.Settings();
            settings["Redis__Configuration"] = $"127.0.0.1:{port},password=not-the-password,connectTimeout=1000";
            await using var app = AppProcess.Launch(settings);
            await app.WaitUntilHealthyAsync();

            Assert.Contains("refused the password in Redis__Configuration (password=...)", app.Output);
            Assert.DoesNotContain("not-the-password", app.Output);
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }
    }
}
