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

        await nav.GetByRole(AriaRole.Link, new() { Name = "FAQ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Frequently asked questions", Level = 1 })).ToBeVisibleAsync();
        var entry = FaqEntry(page, Question);
        var answer = entry.GetByText(AnswerStart);
        await Expect(answer).ToBeHiddenAsync();

        await entry.GetByText(Question, new() { Exact = true }).ClickAsync();

        await Expect(answer).ToBeVisibleAsync();
        await page.SaveScreenshotAsync(output, $"reading-faq-answer-{Mode(javaScript)}");
    }

    [Fact]
    public async Task LinkToAnFaqAnswer_OpensThatAnswer()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.OpenAsync("/faq#how-can-i-join");

        await Expect(FaqEntry(page, Question).GetByText(AnswerStart)).ToBeVisibleAsync();
        await Expect(FaqEntry(page, "What is your mission?").GetByRole(AriaRole.Paragraph).First).ToBeHiddenAsync();

        // The list of questions at the top links to each answer, and opens it too.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Questions" }).GetByRole(AriaRole.Link, new() { Name = "How can I help?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseAddress + "faq#how-can-i-help");
        await Expect(FaqEntry(page, "How can I help?").GetByRole(AriaRole.Paragraph).First).ToBeInViewportAsync();
        await page.SaveScreenshotAsync(output, "reading-faq-link");
    }

    [Fact]
    public async Task WithoutJavaScript_ALinkToAnFaqAnswer_ShowsTheQuestion_AndItOpensWhenPressed()
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.OpenAsync("/faq#how-can-i-join");

        // Without the script a link can only bring the question into view; the native disclosure opens when pressed.
        var entry = FaqEntry(page, Question);
        var summary = entry.GetByText(Question, new() { Exact = true });
        await Expect(summary).ToBeInViewportAsync();
        await summary.ClickAsync();
        await Expect(entry.GetByText(AnswerStart)).ToBeVisibleAsync();
        await page.SaveScreenshotAsync(output, "reading-faq-link-nojs");
    }

    /// <summary>One question and its answer: a details element (a group) holding that question.</summary>
    private static ILocator FaqEntry(IPage page, string question) =>
        page.GetByRole(AriaRole.Group).Filter(new() { Has = page.GetByText(question, new() { Exact = true }) });

    internal static string Mode(bool javaScript) => javaScript ? "js" : "nojs";
}
