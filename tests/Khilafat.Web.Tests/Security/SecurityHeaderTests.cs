using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Khilafat.Web.Tests.Security;

public class SecurityHeaderTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values) : "";
        foreach (var directive in new[] { "default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'", "object-src 'none'" })
            Assert.True(csp.Contains(directive), $"{what}: the CSP lacks {directive}: {csp}");
        var scripts = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal)) ?? "";
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var permissions = response.Headers.GetValues("Permissions-Policy").Single();
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()" }) Assert.Contains(feature, permissions);
        Assert.False(response.Headers.Contains("Server"), $"{what} sent a Server header");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statement")]
    [InlineData("/faq")]
    [InlineData("/join")]
    [InlineData("/testimonials/share")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    [InlineData("/error/500")]
    [InlineData("/admin")]
    [InlineData("/favicon.svg")]
    public async Task PublicAndErrorResponses_CarryTheSecurityHeaders(string path)
    {
        using var response = await factory.CreateNonRedirectingClient().GetAsync(path);
        AssertSecurityHeaders(response, path);
    }

    [Fact]
    public async Task AdminPages_CarryTheSecurityHeaders()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        foreach (var path in new[] { "/admin", "/admin/pages", "/admin/users", "/admin/subscribers", "/admin/testimonials", "/admin/pages/edit/999999" })
        {
            using var response = await admin.GetAsync(path);
            AssertSecurityHeaders(response, path);
        }
    }

    [Fact]
    public async Task AnAntiforgeryFailure_IsAFriendly400_WithTheHeaders()
    {
        // The sign-in form; the public forms that take what people type show it again (ExpiredTokenTests), 400 too.
        using var response = await factory.CreateClient().PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Input.Email", "x@example.org")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        AssertSecurityHeaders(response, "a 400");
    }

    [Fact]
    public async Task Hsts_IsSentOverHttpsOutsideDevelopment()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        // Not localhost: browsers ignore HSTS for it, and so does ASP.NET Core's default.
        request.Headers.Host = "khilafat.example";
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Hsts_IsNotSentInDevelopment()
    {
        await using var development = new DevelopmentFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "khilafat.example";
        using var response = await development.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private sealed class DevelopmentFactory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
