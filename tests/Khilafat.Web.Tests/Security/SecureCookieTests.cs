using System.Net;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Testimonials;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Tests.Security;

/// <summary>With Security:SecureCookies on (the default outside Development), every cookie the site sets is Secure.</summary>
public class SecureCookieTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    // Behind a proxy that terminates TLS and does not forward the scheme, the app sees plain http; browsers see https.
    private HttpClient PlainHttpClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

    private static List<string> Attributes(string cookie) => cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();

    [Fact]
    public async Task TheAntiforgeryCookie_IsSecure_EvenOnAPlainHttpRequest_AndItsFormsStillWork()
    {
        var client = PlainHttpClient();

        using var form = await client.GetAsync("/testimonials/share");
        var cookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Khilafat.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", Attributes(cookie));
        Assert.Contains("httponly", Attributes(cookie));

        // The browser sends it back (it talks https to the proxy): the form works.
        var page = await form.ReadDocumentAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var name = "Plain Http " + Guid.NewGuid().ToString("N")[..8];
        var fields = TestimonialTestSupport.Valid(name);
        fields["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Input.FormStamp"] = page.QuerySelector("main form input[name='Input.FormStamp']")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/testimonials/share") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var sent = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotNull(await factory.FindAsync(name));
    }

    [Fact]
    public void TheTempDataCookie_IsSecure_EvenOnAPlainHttpRequest()
    {
        var options = factory.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value;
        var plainHttp = new DefaultHttpContext();
        plainHttp.Request.Scheme = "http";

        var cookie = options.Cookie.Build(plainHttp);

        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
    }
}
