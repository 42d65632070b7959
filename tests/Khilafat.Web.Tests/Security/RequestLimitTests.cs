using System.Net;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// On the real server: oversized posts are refused, never with a 500, and nothing is saved. The answer is 400 when
/// the anti-forgery check is the first to read the body (it reports what it could not read as a bad request), 413 otherwise.
/// </summary>
public class RequestLimitTests(KestrelSiteFactory factory) : IClassFixture<KestrelSiteFactory>
{
    [Theory]
    [InlineData("/join")]
    [InlineData("/testimonials/share")]
    [InlineData("/account/sign-in")]
    public async Task AHugeFormPost_IsRefused_NotAServerError(string path)
    {
        using var client = factory.CreateRealClient();
        var page = await client.GetDocumentAsync(path);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The server answers before it has read the whole body and then closes the connection; now and then the
        // client is still writing, and the answer is lost to it (a broken pipe). Try again, a few times at most: an
        // answer must come, and be the friendly page.
        HttpResponseMessage? response = null;
        var lost = new List<string>();
        for (var attempt = 0; attempt < 5 && response is null; attempt++)
        {
            try
            {
                response = await client.PostAsync(path, new FormUrlEncodedContent(
                    [new("__RequestVerificationToken", token), new("Input.Email", "big@example.org"), new("Input.Text", new string('x', 3 * 1024 * 1024))]));
            }
            catch (HttpRequestException e) when (e.InnerException is IOException)
            {
                lost.Add(e.InnerException.Message);
            }
        }
        Assert.True(response is not null, "every answer was lost: " + string.Join("; ", lost));
        using var _ = response;

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        var heading = Html.Parse(body).QuerySelector("h1")!.Text();
        Assert.True(heading is "Too much data" or "Bad request", heading);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at Microsoft.", body);
    }

    [Fact]
    public async Task ALargeButAcceptedPost_GetsAFieldMessage_AndNothingIsSaved()
    {
        using var client = factory.CreateRealClient();

        using var response = await client.SubmitFormAsync("/join", Html.Values(("Input.Email", "long@example.org"), ("Input.Name", new string('n', 500_000)), ("Input.Consent", "true")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Your name must be at most 100 characters.", (await response.ReadDocumentAsync()).FieldError("Input.Name"));
    }

    [Fact]
    public async Task TheRealServer_SendsNoServerHeader_AndTheSecurityHeaders()
    {
        using var client = factory.CreateRealClient();

        foreach (var path in new[] { "/", "/no-such-page", "/healthz", "/robots.txt" })
        {
            using var response = await client.GetAsync(path);
            Assert.False(response.Headers.Contains("Server"), $"{path} sent a Server header");
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{path} has no CSP");
        }
    }
}
