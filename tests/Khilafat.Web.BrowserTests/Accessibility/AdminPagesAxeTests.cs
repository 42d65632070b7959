using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task OnePersonsData_FoundAndAboutToBeErased_PassesWcag21AA_ByKeyboard()
    {
        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync("/admin/subscribers/person");

        await page.GetByLabel("Their email address").FillAsync("confirmed@example.org");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Held under confirmed@example.org", Level = 2 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        // Erasing asks first: the confirmation is a page of its own, and nothing is erased by this test.
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase all of it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Erase for good" })).ToBeVisibleAsync();
        Assert.DoesNotContain("confirmed@example.org", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task ReliefList_WithAnOrganisation_AndItsForm_PassWcag21AA()
    {
        await site.WithScopeAsync(async sp =>
        {
            var relief = sp.GetRequiredService<Khilafat.Web.Relief.ReliefDirectory>();
            if ((await relief.ListAsync()).Count == 0)
                await relief.AddAsync(new("Relief Example", "Food and water where they are most needed.", "Example Charity Register", "1000001", "https://relief.example.org/", 10),
                    new Khilafat.Web.Audit.Actor(null, "axe test"));
            return 0;
        });
        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();

        await page.OpenAsync("/admin/relief");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Checked today : Relief Example" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.OpenAsync("/admin/relief/create");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New relief organisation", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }
}
