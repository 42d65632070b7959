using System.Text.RegularExpressions;
using Khilafat.Web.Accounts;
using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>First run: a site with no account logs a one-time /setup link; opened in a browser, it creates the first admin.</summary>
public partial class SetupJourneyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task LoggedSetupLink_CreatesTheFirstAdmin_WhoLandsOnTheDashboard()
    {
        var token = site.Services.GetRequiredService<SetupToken>().Value;
        Assert.False(string.IsNullOrEmpty(token), "A site with no account must offer the setup link.");
        var logged = site.Logs.GetSnapshot().Select(r => SetupLink().Match(r.Message)).SingleOrDefault(m => m.Success);
        Assert.True(logged is not null, "The setup link was not logged:\n" + string.Join("\n", site.Logs.GetSnapshot().Select(r => r.Message)));
        var link = logged!.Value;
        Assert.Equal(site.BaseAddress + "setup?token=" + token, link);

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up the site", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Your email").FillAsync("first.admin@example.org");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a long enough first password");
        await page.GetByLabel("New password again").FillAsync("a long enough first password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the admin account" }).ClickAsync();

        await page.WaitForPageAsync(Visitor.AdminHome());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "first.admin@example.org" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToBeVisibleAsync();
        Assert.Null(site.Services.GetRequiredService<SetupToken>().Value);
        await page.SaveScreenshotAsync(output, "setup-first-admin-dashboard");

        // The link worked once: now it is a 404.
        await page.OpenAsync(link, status: 404);
    }

    [GeneratedRegex(@"http://\S+/setup\?token=[0-9a-f]+")]
    private static partial Regex SetupLink();
}
