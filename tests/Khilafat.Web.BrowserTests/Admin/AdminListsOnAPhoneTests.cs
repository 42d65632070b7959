using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.BrowserTests.Public;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>
/// The admin's lists on a phone 375 px wide: the FAQ list, moderation and subscribers are read as stacked cards, with
/// nothing to scroll sideways to (not the page, not a table in its own box) and every row's buttons on the screen.
/// </summary>
public class AdminListsOnAPhoneTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    private const int Width = NarrowScreenTests.Width;

    [Fact]
    public async Task TheFaqModerationAndSubscriberLists_FitA375PxScreen_WithTheirButtonsVisible()
    {
        await using var context = await site.NewContextAsync(width: Width, height: NarrowScreenTests.Height, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/admin/faq", "/admin/testimonials?status=Pending", "/admin/subscribers" })
        {
            await page.OpenAsync(path);
            Assert.True(await page.Locator("main table tbody tr").CountAsync() > 0, $"{path} lists nothing to check.");

            var scrollWidth = await page.ScrollWidthAsync();
            var tableOverflow = await page.EvaluateAsync<int>("() => Math.max(0, ...[...document.querySelectorAll('main .table-wrap')].map(w => w.scrollWidth - w.clientWidth))");
            if (scrollWidth > Width || tableOverflow > 0) await page.SaveScreenshotAsync(output, "admin-list-375" + path.Replace('/', '-').Replace('?', '-'));
            Assert.True(scrollWidth <= Width, $"{path} is {scrollWidth} px wide on a {Width} px screen. Sticking out: {await page.OverflowingElementsAsync(Width)}");
            Assert.True(tableOverflow == 0, $"{path}'s table scrolls sideways by {tableOverflow} px in its box: a phone user would not see its right-hand columns.");

            var controls = page.Locator("main td.row-actions button, main td.row-actions a, main td a");
            for (var i = 0; i < await controls.CountAsync(); i++)
            {
                var control = controls.Nth(i);
                var box = await control.BoundingBoxAsync();
                Assert.True(box is not null, $"A row's button or link on {path} is not shown: {await control.InnerTextAsync()}");
                Assert.True(box!.X >= 0 && box.X + box.Width <= Width + 0.5, $"\"{(await control.InnerTextAsync()).Trim()}\" on {path} is at x={box.X}, {box.Width} px wide: off a {Width} px screen.");
            }
        }
    }

    [Fact]
    public async Task TheDashboardChart_LabelsAreReadableAt375Px()
    {
        await using var context = await site.NewContextAsync(width: Width, height: NarrowScreenTests.Height, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync("/admin");

        var chart = page.Locator("figure.chart");
        var box = (await chart.Locator("svg").BoundingBoxAsync())!;
        Assert.True(box.Width <= Width && box.Height >= 100, $"The chart is {box.Width}×{box.Height} px: too flat to read at {Width} px.");
        // The smallest text drawn in the chart, in CSS pixels as the reader sees it (SVG text shrinks with the drawing).
        var smallest = await chart.EvaluateAsync<double>("""
            figure => Math.min(...[...figure.querySelectorAll('svg text, .chart-labels span')]
                .map(e => e.getBoundingClientRect().height))
            """);
        Assert.True(smallest >= 12, $"The chart's smallest label is {smallest:0.#} px high at {Width} px.");
    }
}
