using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>Every public page passes axe-core's WCAG 2.1 A and AA rules (the page a visitor first sees, and the 404 page).</summary>
public class PublicPagesAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [MemberData(nameof(Visitor.PublicPages), MemberType = typeof(Visitor))]
    public async Task PublicPage_PassesWcag21AA(string path)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        // Closed answers are hidden, and axe checks only what is shown: open them all (the FAQ's) first.
        await page.OpenEveryAnswerAsync();

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
