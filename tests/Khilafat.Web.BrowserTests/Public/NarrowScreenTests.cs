using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>
/// The site on a phone 375 px wide: nothing scrolls sideways (the front door's pages, in three languages, in
/// <see cref="Accessibility.FrontDoorProofTests"/>), and the navigation, behind the header's menu, is all there and works.
/// </summary>
public class NarrowScreenTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    public const int Width = 375;
    public const int Height = 667;

    private static readonly (string Label, string Path)[] Navigation =
        [("Statement", "/statement"), ("Updates", "/updates"), ("FAQ", "/faq"), ("History", "/history"), ("Testimonials", "/testimonials"), ("Join", "/join")];

    [Theory]
    [MemberData(nameof(Visitor.PublicPages), MemberType = typeof(Visitor))]
    [InlineData("/no-such-page")]
    public async Task Page_DoesNotScrollSideways(string path)
    {
        await using var context = await site.NewContextAsync(width: Width, height: Height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path, status: path == "/no-such-page" ? 404 : 200);

        // The FAQ's answers are part of the page too: open them all (they start closed) before measuring.
        await page.OpenEveryAnswerAsync();
        Assert.Equal(0, await page.Locator("main details:not([open])").CountAsync());

        var scrollWidth = await page.ScrollWidthAsync();
        if (scrollWidth > Width) await page.SaveScreenshotAsync(output, "narrow-overflow" + path.Replace('/', '-'));
        Assert.True(scrollWidth <= Width, $"{path} is {scrollWidth} px wide on a {Width} px screen: it scrolls sideways. Sticking out: {await page.OverflowingElementsAsync(Width)}");
    }

    [Fact]
    public async Task Navigation_OpensOnTheFirstScreen_AndEveryLinkWorks()
    {
        await using var context = await site.NewContextAsync(width: Width, height: Height);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");

        foreach (var (label, path) in Navigation)
        {
            // On a phone the links are behind the header's menu, on every page.
            await page.GetByRole(AriaRole.Banner).Locator("summary").ClickAsync();
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Expect(nav).ToBeVisibleAsync();
            var link = nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
            await Expect(link).ToBeInViewportAsync(new() { Ratio = 1 });
            var box = (await link.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= Width && box.Y + box.Height <= Height,
                $"The \"{label}\" link at ({box.X}, {box.Y}) {box.Width}×{box.Height} is not all on the first {Width}×{Height} screen of {page.Url}.");
            Assert.True(box.Height >= 24 && box.Width >= 24, $"The \"{label}\" link is {box.Width}×{box.Height} px: too small to tap.");

            // Playwright's click waits until the link is visible, still and not covered by anything, as a finger would need.
            await link.ClickAsync();

            await Expect(page).ToHaveURLAsync(site.BaseAddress + path.TrimStart('/'));
            // The new page's menu is closed again; its link is marked all the same.
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main", IncludeHidden = true }).GetByRole(AriaRole.Link, new() { Name = label, Exact = true, IncludeHidden = true }))
                .ToHaveAttributeAsync("aria-current", "page");
            Assert.True(await page.ScrollWidthAsync() <= Width, $"{path} scrolls sideways at {Width} px.");
        }

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Khilafat Movement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseAddress.ToString());
        await page.SaveScreenshotAsync(output, "narrow-home");
    }
}
