using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>/admin/menus in the browser, without script: an editor moves a header link up and readers see it there; axe finds nothing.</summary>
public class MenuEditorTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task MenuEditor_PassesWcag22AA(int width)
    {
        await using var context = await site.NewContextAsync(width: width, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync("/admin/menus?menu=header&culture=ur");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Header menu in Urdu", Level = 2 })).ToBeVisibleAsync();

        Assert.True(await page.ScrollWidthAsync() <= width, $"/admin/menus scrolls sideways at {width} px: {await page.OverflowingElementsAsync(width)}");
        await page.SaveScreenshotAsync(output, $"admin-menus-{width}");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Editor_MovesAHeaderLinkUp_WithoutScript_AndTheHeaderShowsIt()
    {
        await using var context = await site.NewContextAsync(javaScript: false, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Menus", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Arabic" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Header menu in Arabic", Level = 2 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Up : الأسئلة الشائعة" }).ClickAsync();

        await Expect(page.Locator(".status")).ToContainTextAsync("Moved up.");
        await page.OpenAsync("/ar");
        await Expect(page.Locator("header nav.site-nav a")).ToHaveTextAsync(["البيان", "الأسئلة الشائعة", "المستجدات", "التاريخ", "الشهادات", "انضم"]);
    }
}
