using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>Every public page passes axe-core's WCAG 2.1 A and AA rules (the page a visitor first sees, the change list and an old version of the statement in each language, and the 404 page).</summary>
public class PublicPagesAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/statement")]
    [InlineData("/faq")]
    [InlineData("/history")]
    [InlineData("/testimonials")]
    [InlineData("/testimonials/share")]
    [InlineData("/join")]
    [InlineData("/join/thanks")]
    [InlineData("/account/sign-in")]
    [InlineData("/statement/changes")]
    [InlineData("/statement/versions/1")]
    [InlineData("/ar/statement/changes")]
    [InlineData("/ar/statement/versions/1")]
    [InlineData("/ur/statement/changes")]
    [InlineData("/ur/statement/versions/1")]
    public async Task PublicPage_PassesWcag21AA(string path)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        // Closed answers are hidden, and axe checks only what is shown: open them all (the FAQ's) first.
        foreach (var summary in await page.Locator("details > summary").AllAsync()) await summary.ClickAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task NotFoundPage_PassesWcag21AA()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/no-such-page", status: 404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }
}
