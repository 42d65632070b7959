using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// The output cache answers right after routing, before authentication, authorization and the rate limiter
/// (SitePipeline). That is safe only while what it caches is public and never rendered for someone signed in: these
/// tests hold the app to both.
/// </summary>
public class CachedPagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task NoCachedEndpoint_NeedsAnAccount_OrCountsRequests()
    {
        var endpoints = await RoutedEndpoints.ListAsync(factory.Services);
        var cached = endpoints
            .Where(e => e.Metadata.GetMetadata<IOutputCachePolicy>() is not null || e.Metadata.GetMetadata<OutputCacheAttribute>() is not null)
            .ToList();

        // Found from the app's endpoints, so a page cached later is checked too; these show the search finds them.
        Assert.Contains(cached, e => e.RoutePattern.RawText?.TrimStart('/') == "sitemap.xml");
        Assert.Contains(cached, e => e.DisplayName?.Contains("/Faq", StringComparison.Ordinal) == true);
        Assert.Contains(cached, e => e.DisplayName?.Contains("/Petitions/Show", StringComparison.Ordinal) == true);

        var wrong = cached
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                || e.Metadata.GetMetadata<AuthorizationPolicy>() is not null
                || e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
            .Select(e => $"{e.DisplayName} ({e.RoutePattern.RawText})")
            .ToList();
        Assert.True(wrong.Count == 0, "Output-cached endpoints that need an account or are rate limited (the cache answers before both):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task ASignedInEditor_GetsThePublicPageFromTheCache_ButWhatIsRenderedForThemIsNeverStored()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        using var visitor = factory.CreateClient();
        // Cached entries vary by Accept-Encoding: a value no other test sends gives each step an entry of its own.
        var visitorsEncoding = $"identity, x-test-{Guid.NewGuid():N}";
        var editorsEncoding = $"identity, x-test-{Guid.NewGuid():N}";

        // A visitor's page is stored, and a signed-in editor asking next gets it from the cache, as anyone would.
        using (var first = await GetAsync(visitor, "/statement", visitorsEncoding))
            Assert.False(first.Headers.Age.HasValue, "the visitor's request was not the first for its entry");
        using (var editorsHit = await GetAsync(editor, "/statement", visitorsEncoding))
        {
            Assert.Equal(HttpStatusCode.OK, editorsHit.StatusCode);
            Assert.True(editorsHit.Headers.Age.HasValue, "the editor's request did not get the cached page");
            Assert.Contains("Reviving Khilafat for Justice", await editorsHit.Content.ReadAsStringAsync());
        }

        // A page rendered for the editor (no entry yet) is not stored: the next visitor gets one rendered afresh.
        using (var editorsMiss = await GetAsync(editor, "/statement", editorsEncoding))
        {
            Assert.Equal(HttpStatusCode.OK, editorsMiss.StatusCode);
            Assert.False(editorsMiss.Headers.Age.HasValue, "the editor's request was not the first for its entry");
        }
        using var next = await GetAsync(visitor, "/statement", editorsEncoding);
        var page = await next.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(next.Headers.Age.HasValue, "the visitor got the page rendered for the signed-in editor from the cache");
        Assert.Contains("Reviving Khilafat for Justice", page);
        Assert.DoesNotContain(email, page, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }
}
