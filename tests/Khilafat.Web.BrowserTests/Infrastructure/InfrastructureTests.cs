using Microsoft.Playwright;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>The tests' own tools: the axe check can fail, and the browser reaches nothing beyond this machine.</summary>
public class InfrastructureTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>
    /// The check itself: on a page without a language or a title, with an unlabelled field and an image without a text
    /// alternative, it fails on each and says where (so the page's root element and the document are checked too).
    /// </summary>
    [Fact]
    public async Task AxeCheck_FailsOnAPageWithViolations_NamingRuleAndTarget()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><main><input id=\"nameless\" type=\"text\"><img id=\"pictureless\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></html>");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(page.AssertNoAxeViolationsAsync);

        Assert.Contains("- label (", failure.Message);
        Assert.Contains("- image-alt (", failure.Message);
        Assert.Contains("#nameless", failure.Message);
        Assert.Contains("#pictureless", failure.Message);
        Assert.Contains("- html-has-lang (", failure.Message);
        Assert.Contains("- document-title (", failure.Message);
    }

    [Fact]
    public async Task Browser_ReachesTheSiteOnLoopback_ButNothingElse()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.OpenAsync("/healthz");
        await page.OpenAsync($"http://localhost:{site.BaseAddress.Port}/healthz");

        // A reserved name (RFC 2606) that exists nowhere: the request goes to the dead proxy on 127.0.0.1 and fails there.
        var failure = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync("http://browser-guard.invalid/"));
        Assert.Contains("ERR_PROXY_CONNECTION_FAILED", failure.Message);
    }
}
