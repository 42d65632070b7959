using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>
/// The pages a new visitor meets (home, statement, FAQ, join) in English, Arabic and Urdu, as issue 17 asks them
/// proven: axe-core clean with the WCAG 2.2 AA tags at 375 and 1280 px, no sideways scroll at 375 px nor at 200% zoom,
/// and no request to any host but the site's. One browser context for all of it, its viewport resized between looks.
/// 200% zoom is emulated as the layout a 1280 px window has at that zoom: a 640 CSS px viewport. (A device scale factor
/// of 2 would change only how sharply it is drawn, not how it is laid out, so the context keeps its own.)
/// </summary>
public class FrontDoorProofTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private static readonly string[] Pages = ["/", "/statement", "/faq", "/join"];
    private static readonly string[] Languages = ["", "/ar", "/ur"];

    private static IEnumerable<string> Paths() =>
        Languages.SelectMany(language => Pages.Select(page => page == "/" ? (language.Length == 0 ? "/" : language) : language + page));

    [Fact]
    public async Task FrontDoorPages_InThreeLanguages_AreAxeCleanForWcag22_FitTheScreen_AndStayOnTheSite()
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var elsewhere = new List<string>();
        context.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Authority != site.BaseAddress.Authority)
                lock (elsewhere) elsewhere.Add($"{url} (from {request.Frame.Url})");
        };
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        foreach (var path in Paths())
        {
            foreach (var (width, what) in new[] { (1280, "1280 px"), (375, "375 px"), (640, "200% zoom of 1280 px") })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.OpenAsync(path);
                await page.OpenEveryAnswerAsync();

                if (width != 1280)
                {
                    var scrollWidth = await page.ScrollWidthAsync();
                    if (scrollWidth > width)
                    {
                        problems.Add($"{path} at {what} is {scrollWidth} px wide: it scrolls sideways. Sticking out: {await page.OverflowingElementsAsync(width)}");
                        await page.SaveScreenshotAsync(output, $"proof-overflow-{width}{path.Replace('/', '-')}");
                    }
                }
                if (width != 640)
                {
                    var violations = await page.AxeViolationsAsync(PageChecks.WcagTags);
                    if (violations.Length > 0)
                        problems.Add($"axe-core (WCAG 2.2 A/AA) on {path} at {what}:\n{PageChecks.Describe(violations)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(elsewhere.Count == 0, "Requests to another host:\n" + string.Join("\n", elsewhere.Distinct()));
    }
}
