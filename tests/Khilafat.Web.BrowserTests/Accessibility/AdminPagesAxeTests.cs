using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>
/// One person's data, found and about to be erased, by keyboard: states of a page the sweep of every admin page
/// (EveryAdminPageAxeTests) does not reach by a GET.
/// </summary>
public class AdminPagesAxeTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task OnePersonsData_FoundAndAboutToBeErased_PassesWcag22AA_ByKeyboard()
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
}
