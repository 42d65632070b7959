using System.Net;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Khilafat.Web.Tests.Security;

public class UnknownMethodTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<string, string> Requests => new()
    {
        { "TRACE", "/" },
        { "TRACE", "/statement" },
        { "TRACE", "/ar/faq" },
        { "TRACE", "/testimonials/share" },
        { "PROPFIND", "/history" },
        { "DELETE", "/join" },
        { "PUT", "/statement" },
        { "PATCH", "/testimonials" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AnUnknownMethod_IsAnswered405_WithoutAnErrorInTheLog(string method, string path)
    {
        var client = factory.CreateClient();
        await client.GetAsync("/");
        var logged = factory.Logs.GetSnapshot().Count;

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        // The friendly page, in the language of the address.
        Assert.NotEmpty((await response.ReadDocumentAsync()).QuerySelector("main h1")!.Text());
        var records = factory.Logs.GetSnapshot().Skip(logged).ToList();
        Assert.True(records.All(r => r.Level <= LogLevel.Information), string.Join("\n", records.Where(r => r.Level > LogLevel.Information)));
    }
}
