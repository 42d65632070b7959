using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.BrowserTests.Public;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>
/// The admin area on a phone 375 px wide, where an editor may well moderate: the page never scrolls sideways (wide
/// tables scroll in their own box), and every link of the admin navigation works. The admin's address is 50
/// characters long, as real addresses can be, and the header shows it.
/// </summary>
public class AdminNarrowScreenTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    private const int Width = NarrowScreenTests.Width;
    private const int Height = NarrowScreenTests.Height;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/pages/edit/{statement}")]
    [InlineData("/admin/testimonials")]
    [InlineData("/admin/subscribers")]
    [InlineData("/admin/menus")]
    public async Task AdminPage_DoesNotScrollSideways(string path)
    {
        await using var context = await site.NewContextAsync(width: Width, height: Height, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        path = path.Replace("{statement}", site.StatementId.ToString());
        await page.OpenAsync(path);

        var scrollWidth = await page.ScrollWidthAsync();
        if (scrollWidth > Width) await page.SaveScreenshotAsync(output, "narrow-admin-overflow" + path.Replace('/', '-'));
        Assert.True(scrollWidth <= Width, $"{path} is {scrollWidth} px wide on a {Width} px screen: it scrolls sideways. Sticking out: {await page.OverflowingElementsAsync(Width)}");
    }

    [Fact]
    public async Task AdminNavigation_EveryLinkWorks()
    {
        await using var context = await site.NewContextAsync(width: Width, height: Height, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync("/admin");
        var labels = await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(["Dashboard", "Pages", "Updates", "FAQ", "Testimonials", "Subscribers", "Sends", "Email", "Petitions", "Events", "Relief", "Images", "Menus", "Accounts", "Audit log", "Settings", "Backup"], labels);

        foreach (var label in labels.Reverse())
        {
            var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
            var box = (await link.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"The \"{label}\" link at x={box.X}, {box.Width} px wide, is not all within the {Width} px screen.");

            await link.ClickAsync();

            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = label, Exact = true }))
                .ToHaveAttributeAsync("aria-current", "page");
            var scrollWidth = await page.ScrollWidthAsync();
            Assert.True(scrollWidth <= Width, $"{page.PathAndQuery()} is {scrollWidth} px wide at {Width} px. Sticking out: {await page.OverflowingElementsAsync(Width)}");
        }
        await page.SaveScreenshotAsync(output, "narrow-admin-dashboard");
    }
}
