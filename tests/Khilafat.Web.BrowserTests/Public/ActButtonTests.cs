using Khilafat.Web.Audit;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Relief;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>The header's "Act" button at 375 px, left to right and right to left: on the first screen, in its own colour, and axe clean.</summary>
public class ActButtonTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/act", "Act", "Take action")]
    [InlineData("/ar/act", "شارك", "شارك في العمل")]
    public async Task TheActButton_LeadsToAct_StandsOutFromTheHeader_AndThePagePassesAxeAt375px(string path, string label, string heading)
    {
        await EnsureAnOrganisationAsync();
        await using var context = await site.NewContextAsync(width: NarrowScreenTests.Width, height: NarrowScreenTests.Height);
        var page = await context.NewPageAsync();
        var home = path.StartsWith("/ar", StringComparison.Ordinal) ? "/ar" : "/";
        await page.OpenAsync(home);

        var act = page.Locator("header").GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
        await Expect(act).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = (await act.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= NarrowScreenTests.Width && box.Height >= 44, $"The Act button at ({box.X}, {box.Y}) {box.Width}×{box.Height} is cut off or too small to tap.");
        var colours = await page.EvaluateAsync<string[]>(
            "() => [getComputedStyle(document.querySelector('a.header-action')).backgroundColor, getComputedStyle(document.querySelector('header.site-header')).backgroundColor]");
        Assert.NotEqual(colours[1], colours[0]);

        await act.ClickAsync();

        await Expect(page).ToHaveURLAsync(site.BaseAddress + path.TrimStart('/'));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(page.Locator(".relief-list a[rel='noopener noreferrer']").First).ToBeVisibleAsync();
        Assert.True(await page.ScrollWidthAsync() <= NarrowScreenTests.Width, $"{path} scrolls sideways at {NarrowScreenTests.Width} px: {await page.OverflowingElementsAsync(NarrowScreenTests.Width)}");
        await page.SaveScreenshotAsync(output, "act-375" + path.Replace('/', '-'));
        // axe's colour-contrast rule checks the button's white on the action colour, and every other text on the page.
        await page.AssertNoAxeViolationsAsync();
    }

    private Task EnsureAnOrganisationAsync() => site.WithScopeAsync(async sp =>
    {
        var relief = sp.GetRequiredService<ReliefDirectory>();
        if ((await relief.ListAsync()).Count > 0) return 0;
        var added = await relief.AddAsync(new ReliefInput("Relief Example", "Food and water where they are most needed.", "Example Charity Register", "1000001",
            "https://relief.example.org/", 10), new Actor(null, "browser test"));
        Assert.IsType<ReliefSaveResult.Saved>(added);
        return 0;
    });
}
