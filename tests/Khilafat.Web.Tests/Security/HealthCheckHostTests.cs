using System.Net;
using Khilafat.Web.Startup;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// The container's health check (`Khilafat.Web healthcheck`) against a site that answers only its own host names, as
/// deploy/compose.yaml runs it: asked as 127.0.0.1 the site refuses it (400), so the check asks as an allowed host.
/// </summary>
public class HealthCheckHostTests(HealthCheckHostTests.Factory factory) : IClassFixture<HealthCheckHostTests.Factory>
{
    public sealed class Factory : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("AllowedHosts", Allowed)];
    }

    private const string Allowed = "khilafat.example.org;*.khilafat.example.net";

    [Fact]
    public async Task TheHealthCheckAsksAsAnAllowedHost_AndTheSiteAnswersIt()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HealthRequest("127.0.0.1"))).StatusCode);
        var host = HealthCheckCommand.HostToAsk(Allowed);
        Assert.Equal("khilafat.example.org", host);
        var response = await client.SendAsync(HealthRequest(host!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("*", null)]
    [InlineData(" khilafat.example.org ; other.example.org", "khilafat.example.org")]
    [InlineData("*.khilafat.example.net", "health.khilafat.example.net")]
    public void TheHostAskedIsTheFirstAllowed(string? allowedHosts, string? asked) =>
        Assert.Equal(asked, HealthCheckCommand.HostToAsk(allowedHosts));

    [Fact]
    public async Task AWildcardHostIsAnsweredToo()
    {
        using var client = factory.CreateClient();
        var response = await client.SendAsync(HealthRequest(HealthCheckCommand.HostToAsk("*.khilafat.example.net")!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage HealthRequest(string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;
        return request;
    }
}
