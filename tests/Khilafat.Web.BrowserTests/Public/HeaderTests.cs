using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>The header on a phone and on a desktop: short on a phone, its menu opening without script, inline on a desktop.</summary>
public class HeaderTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private const int MaxPhoneHeaderHeight = 120;

    [Theory]
    [InlineData("/", "Act", "Menu")]
    [InlineData("/ar", "شارك", "القائمة")]
    [InlineData("/ur", null, "فہرست")]
    [InlineData("/ur/statement", null, "فہرست")]
    public async Task Header_AtPhoneWidth_IsAtMost120pxTall_WithTheActionAndLanguagesOnIt(string path, string? act, string menu)
    {
        await using var context = await site.NewContextAsync(width: NarrowScreenTests.Width, height: NarrowScreenTests.Height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        var header = page.Locator("header.site-header");
        var box = (await header.BoundingBoxAsync())!;
        if (box.Height > MaxPhoneHeaderHeight) await page.SaveScreenshotAsync(output, "tall-header" + path.Replace('/', '-'));
        Assert.True(box.Height <= MaxPhoneHeaderHeight, $"The header of {path} is {box.Height} px tall at {NarrowScreenTests.Width} px.");

        var action = act is null ? header.Locator("a.header-action") : header.GetByRole(AriaRole.Link, new() { Name = act, Exact = true });
        await Expect(action).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(header.GetByText(menu, new() { Exact = true })).ToBeVisibleAsync();
        // The links wait behind the menu until it is opened.
        await Expect(header.Locator("nav.site-nav a").First).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Menu_WithoutJavaScript_OpensFromTheKeyboard_AndShowsEveryLink()
    {
        await using var context = await site.NewContextAsync(javaScript: false, width: NarrowScreenTests.Width, height: NarrowScreenTests.Height);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Statement" })).ToBeHiddenAsync();

        var menu = page.Locator("header summary");
        await Expect(menu).ToHaveTextAsync("Menu");
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        foreach (var label in new[] { "Statement", "Updates", "FAQ", "History", "Testimonials", "Join" })
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.ScrollWidthAsync() <= NarrowScreenTests.Width, "The open menu makes the page scroll sideways.");
        await page.SaveScreenshotAsync(output, "menu-open-375");

        await nav.GetByRole(AriaRole.Link, new() { Name = "FAQ", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseAddress + "faq");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ar")]
    [InlineData("/ur")]
    public async Task Navigation_AtDesktopWidth_IsInlineWithoutOpeningAnything(string path)
    {
        await using var context = await site.NewContextAsync(javaScript: false, width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        await Expect(page.Locator("header summary")).ToBeHiddenAsync();
        var links = page.Locator("header nav.site-nav a");
        Assert.Equal(6, await links.CountAsync());
        foreach (var link in await links.AllAsync()) await Expect(link).ToBeInViewportAsync(new() { Ratio = 1 });
        var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 160, $"The header of {path} is {header.Height} px tall at 1280 px.");
    }

    [Fact]
    public async Task Brand_IsTheCrescentAndTheName_AndHeadingsHaveTheirOwnFace()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/statement");

        var brand = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Khilafat Movement", Exact = true });
        await Expect(brand).ToBeVisibleAsync();
        var mark = brand.Locator("svg");
        await Expect(mark).ToHaveAttributeAsync("aria-hidden", "true");
        var markBox = (await mark.BoundingBoxAsync())!;
        Assert.True(markBox.Width >= 24 && markBox.Height >= 24, $"The mark is {markBox.Width}×{markBox.Height} px.");
        Assert.Equal(0, await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Heading).CountAsync());

        var faces = await page.EvaluateAsync<string[]>("() => [getComputedStyle(document.body).fontFamily, getComputedStyle(document.querySelector('main h1')).fontFamily, getComputedStyle(document.querySelector('.brand')).fontFamily]");
        Assert.NotEqual(faces[0], faces[1]);
        Assert.Equal(faces[1], faces[2]);
    }
}
