using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>A visitor reads the statement and opens an answer in the FAQ, with JavaScript and without it.</summary>
public class ReadingTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private const string Question = "How can I join?";
    private const string AnswerStart = "You can join our movement by spreading awareness";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_ReadsTheStatement_AndOpensAnFaqAnswer(bool javaScript)
    {
        await using var context = await site.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await nav.GetByRole(AriaRole.Link, new() { Name = "Statement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseAddress + "statement");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reviving Khilafat for Justice", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What should our response be?", Level = 2 })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Statement" })).ToHaveAttributeAsync("aria-current", "page");

        // The text sits in a centred column of a comfortable measure at desktop widths.
        var column = await page.Locator(".prose").BoundingBoxAsync();
        Assert.NotNull(column);
        Assert.InRange(column!.Width, 480, 800);
        var viewport = page.ViewportSize!.Width;
        Assert.InRange(column.X - (viewport - column.X - column.Width), -40, 40);

        await nav.GetByRole(AriaRole.Link, new() { Name = "FAQ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Frequently asked questions", Level = 1 })).ToBeVisibleAsync();
        // Questions are headings, answers are there to read: nothing to open.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Question, Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText(AnswerStart)).ToBeVisibleAsync();
        await page.SaveScreenshotAsync(output, $"reading-faq-answer-{Mode(javaScript)}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LinkToAnFaqAnswer_BringsItIntoView_Highlighted(bool javaScript)
    {
        await using var context = await site.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        await page.OpenAsync("/faq#how-can-i-join");

        var target = page.Locator("#how-can-i-join");
        await Expect(target.GetByText(AnswerStart)).ToBeInViewportAsync();
        var highlighted = await target.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var plain = await page.Locator("#what-is-your-mission").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(plain, highlighted);

        // A question's heading links to its own answer, so a reader can copy the link to it.
        await page.GetByRole(AriaRole.Link, new() { Name = "How can I help?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseAddress + "faq#how-can-i-help");
        await Expect(page.Locator("#how-can-i-help .faq-answer")).ToBeInViewportAsync();
        await page.SaveScreenshotAsync(output, $"reading-faq-link-{Mode(javaScript)}");
    }

    internal static string Mode(bool javaScript) => javaScript ? "js" : "nojs";
}
