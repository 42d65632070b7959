using Khilafat.Web.Audit;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>
/// Every public page passes axe-core's WCAG 2.2 A and AA rules (the pages beyond the front door, the change list and an
/// old version of the statement in each language, and the 404 page). The front door's pages are checked in three
/// languages and at two widths by <see cref="FrontDoorProofTests"/>.
/// </summary>
public class PublicPagesAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>The public record of the statement: its change list and its first version, in each language.</summary>
    public static TheoryData<string> ChangePages =>
        ["/statement/changes", "/statement/versions/1", "/ar/statement/changes", "/ar/statement/versions/1", "/ur/statement/changes", "/ur/statement/versions/1"];

    [Theory]
    [MemberData(nameof(Visitor.PublicPages), MemberType = typeof(Visitor))]
    [MemberData(nameof(ChangePages))]
    public async Task PublicPage_PassesWcag22AA(string path)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        // Closed answers are hidden, and axe checks only what is shown: open them all (the FAQ's) first.
        await page.OpenEveryAnswerAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/ar")]
    [InlineData("/ur")]
    public async Task ComparisonOfTwoStatementVersions_PassesWcag22AA(string prefix)
    {
        await EnsureASecondStatementVersionAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(prefix + "/statement/changes?from=1&to=2");
        await Expect(page.Locator("main ins").First).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task NotFoundPage_PassesWcag22AA()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/no-such-page", status: 404);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    /// <summary>
    /// The seeded statement and its seeded translations have one public version each; the comparison needs two, so
    /// publish a major change of each once.
    /// </summary>
    private async Task EnsureASecondStatementVersionAsync()
    {
        using var scope = site.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == "statement").Select(p => p.Id).SingleAsync();
        var pages = scope.ServiceProvider.GetRequiredService<PageEditor>();
        var texts = scope.ServiceProvider.GetRequiredService<TextEditor>();
        var statement = (await pages.GetAsync(id))!;
        const string Added = "We reaffirm this statement.";
        if (!statement.Text.Working.Body.Contains(Added, StringComparison.Ordinal))
        {
            var changed = statement.Text.Working with { Body = statement.Text.Working.Body + "\n\n" + Added };
            var result = await pages.UpdateAsync(id, statement.Text.Version, statement.Slug, changed, TextChange.Keep, new Actor(null, "axe test"), new TextPublication(true, "Reaffirmed"));
            Assert.IsType<TextSaveResult.Saved>(result);
        }
        foreach (var (culture, added) in new[] { ("ar", "نؤكد هذا البيان من جديد."), ("ur", "ہم اس بیان کی دوبارہ توثیق کرتے ہیں۔") })
        {
            var translation = (await texts.GetAsync(TextKinds.Page, id, culture))!;
            if (translation.Working.Body.Contains(added, StringComparison.Ordinal)) continue;
            var result = await texts.SaveAsync(TextItem.Page(id, statement.Slug), culture, translation.Version,
                translation.Working with { Body = translation.Working.Body + "\n\n" + added }, TextChange.Keep, new Actor(null, "axe test"), new TextPublication(true, added));
            Assert.IsType<TextSaveResult.Saved>(result);
        }
    }
}
