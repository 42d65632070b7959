using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Localization;

/// <summary>The Arabic and Urdu site in a real browser: accessible, right to left, usable on a phone, and switchable.</summary>
public class LanguageTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private const int PhoneWidth = 375;

    /// <summary>The pages beyond the front door: the front door's own (home, statement, FAQ, join) are checked in Arabic and Urdu, against WCAG 2.2 and at two widths, by <see cref="Accessibility.FrontDoorProofTests"/>.</summary>
    [Theory]
    [InlineData("/ar/history")]
    [InlineData("/ar/testimonials")]
    [InlineData("/ar/testimonials/share")]
    [InlineData("/ur/history")]
    [InlineData("/ur/testimonials")]
    [InlineData("/ur/testimonials/share")]
    public async Task ArabicAndUrduPages_PassWcag22AA(string path)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await page.OpenEveryAnswerAsync();

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [InlineData("/ar/statement", 1280, 900, "ar-statement-desktop")]
    [InlineData("/ar/statement", PhoneWidth, 667, "ar-statement-375")]
    [InlineData("/ur/join", 1280, 900, "ur-join-desktop")]
    [InlineData("/ur/join", PhoneWidth, 667, "ur-join-375")]
    public async Task RightToLeftPages_LayOutWithoutSidewaysScrolling_Screenshots(string path, int width, int height, string name)
    {
        await using var context = await site.NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        var scrollWidth = await page.ScrollWidthAsync();
        Assert.True(scrollWidth <= width, $"{path} is {scrollWidth} px wide at {width} px. Sticking out: {await page.OverflowingElementsAsync(width)}");
        // Right to left: the site's name sits at the right of the header, the navigation after it to the left.
        var brand = (await page.Locator(".brand").BoundingBoxAsync())!;
        Assert.True(brand.X + brand.Width > width / 2, $"the site's name is at x={brand.X} of {width}: not on the right");
        await page.SaveScreenshotAsync(output, name);
    }

    [Fact]
    public async Task TheLanguageSwitcher_LeadsToTheSamePage_InTheChosenLanguage()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/faq");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "اردو" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ur/faq$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("اکثر پوچھے جانے والے سوالات");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "زبان", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/faq$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task JoiningInArabic_FromAPagesFooter_WorksWithoutScript()
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/ar/faq");

        // The footer's box posts the address (no token: the page is cached) and the full form comes back filled in.
        var footer = page.Locator("footer.site-footer");
        await footer.GetByRole(AriaRole.Textbox).FillAsync("no-script.arabic@example.org");
        await footer.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ar/join\\?handler=Continue$"));
        await Expect(page.GetByLabel("عنوان البريد الإلكتروني")).ToHaveValueAsync("no-script.arabic@example.org");
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "انضم إلى القائمة البريدية" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ar/join/thanks$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تحقّق من بريدك الإلكتروني");
        await page.SaveScreenshotAsync(output, "ar-join-thanks-no-script");
    }
}
