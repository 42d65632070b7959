using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>After a form came back with mistakes, the browser starts from its error summary, with no script at all.</summary>
public class FailedFormFocusTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/join", "Join the mailing list", "Error: ")]
    [InlineData("/ur/join", "میلنگ لسٹ میں شامل ہوں", "خرابی: ")]
    public async Task AfterAFailedSubmit_TheErrorSummaryHasTheFocus_WithJavaScriptOff(string path, string button, string titleStart)
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).Last.ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.StartsWith(titleStart, await page.TitleAsync());
        // The next Tab goes to the summary's first link, the way to the field to correct.
        await page.Keyboard.PressAsync("Tab");
        await Expect(summary.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
    }
}
