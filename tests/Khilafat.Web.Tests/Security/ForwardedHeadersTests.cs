using System.Net;
using Khilafat.Web.Startup;
using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Testimonials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Security;

/// <summary>Forwarded headers on, as behind a proxy: only the configured proxies are believed about a visitor's address.</summary>
public class ForwardedHeadersTests(ForwardedHeadersTests.Factory factory) : IClassFixture<ForwardedHeadersTests.Factory>
{
    public const string Proxy = "10.0.0.5";
    public const string ProxyNetwork = "192.168.50.0/24";
    public const string ConnectionHeader = "X-Test-Connection-Address";

    public sealed class Factory : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("FORWARDEDHEADERS_ENABLED", "true"), new("RateLimits:Testimonials", "2"),
            new("ForwardedHeaders:KnownProxies:0", Proxy), new("ForwardedHeaders:KnownNetworks:0", ProxyNetwork),
        ];

        // The address the connection comes from, set before everything else (the forwarded headers' middleware included).
        protected override void ConfigureServices(IServiceCollection services) =>
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, ConnectionAddress>());

        private sealed class ConnectionAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    if (IPAddress.TryParse(context.Request.Headers[ConnectionHeader], out var address)) context.Connection.RemoteIpAddress = address;
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    private HttpClient From(string connection)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ConnectionHeader, connection);
        return client;
    }

    private async Task<HttpStatusCode> ShareAsync(HttpClient client, string? forwardedFor)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await factory.ShareAsync(client, TestimonialTestSupport.Valid("Forwarded " + Guid.NewGuid().ToString("N")[..8]));
        return response.StatusCode;
    }

    [Fact]
    public async Task ASpoofedForwardedFor_FromAnUnknownAddress_DoesNotEscapeTheLimit()
    {
        var direct = From("203.0.113.7");

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++) answers.Add(await ShareAsync(direct, $"198.51.100.{i}"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Theory]
    [InlineData(Proxy)]
    [InlineData("192.168.50.20")]
    public async Task AConfiguredProxy_IsBelieved_SoEachVisitorBehindItHasTheirOwnLimit(string proxy)
    {
        var visitor = proxy == Proxy ? "198.51.100.77" : "198.51.100.88";
        var client = From(proxy);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add(await ShareAsync(client, visitor));
        answers.Add(await ShareAsync(client, visitor.Replace(".100.", ".101.", StringComparison.Ordinal)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], answers);
    }

    [Theory]
    [InlineData("ForwardedHeaders__KnownProxies__0", "proxy.internal", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders__KnownNetworks", "10.0.0.0/8, everyone", "ForwardedHeaders:KnownNetworks")]
    public async Task AProxySettingThatIsNotAnAddress_StopsStartUp_WithOneLineNamingTheKey(string key, string value, string named)
    {
        using var data = new Khilafat.Web.Tests.Durability.DurabilityData();
        var settings = data.Settings();
        settings[key] = value;

        await using var app = AppProcess.Launch(settings);

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the site kept running:\n" + app.Output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains($"The site cannot start: {named}", app.Output);
        Assert.DoesNotContain("   at ", app.Output);
    }
}

