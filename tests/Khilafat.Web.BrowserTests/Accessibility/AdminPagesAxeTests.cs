using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>The main admin pages, with something in their lists, pass axe-core's WCAG 2.1 A and AA rules.</summary>
public class AdminPagesAxeTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    [Theory]
    [InlineData("/admin", "Dashboard")]
    [InlineData("/admin/pages/edit/{statement}", "Edit page")]
    [InlineData("/admin/testimonials", "Testimonials")]
    [InlineData("/admin/subscribers", "Subscribers")]
    [InlineData("/admin/subscribers/import", "Import subscribers")]
    [InlineData("/admin/subscribers/welcome/ur", "Welcome email (اردو)")]
    public async Task AdminPage_PassesWcag21AA(string path, string heading)
    {
        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync(path.Replace("{statement}", site.StatementId.ToString()));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, "admin-" + heading.Replace(' ', '-').ToLowerInvariant());
    }
}
