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
