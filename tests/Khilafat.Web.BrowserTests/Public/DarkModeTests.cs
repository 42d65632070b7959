using Khilafat.Web.Accounts;
using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>A reader whose system is set to dark gets the site in dark colours, every text still at AA contrast.</summary>
public class DarkModeTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/", 1280)]
    [InlineData("/statement", 1280)]
    [InlineData("/ar/statement", 375)]
    [InlineData("/ur", 375)]
    [InlineData("/join", 375)]
    public async Task DarkScheme_DrawsThePageDark_AndAxeFindsNoContrastProblem(string path, int width)
    {
        await using var context = await site.NewContextAsync(width: width);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.OpenAsync(path);
        if (width < 768) await page.GetByRole(AriaRole.Banner).Locator("summary").ClickAsync();

        // Relative luminance of the page's background and text: dark behind, light in front.
        var luminance = await page.EvaluateAsync<double[]>("""
            () => {
                const lum = c => {
                    const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
                        .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const s = getComputedStyle(document.body);
                return [lum(s.backgroundColor), lum(s.color)];
            }
            """);
        Assert.True(luminance[0] < 0.05, $"{path}'s background has luminance {luminance[0]}: not dark.");
        Assert.True(luminance[1] > 0.6, $"{path}'s text has luminance {luminance[1]}: not light.");
        await page.SaveScreenshotAsync(output, $"dark-{width}" + path.Replace('/', '-'));

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Admin_StaysInItsLightColours_InTheDarkScheme()
    {
        var email = await site.CreateUserAsync(Roles.Editor);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.SignInAsync(email);

        await page.AssertNoAxeViolationsAsync();
    }
}
