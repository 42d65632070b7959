using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>
/// The pages in the states a visitor meets them after acting: forms showing their errors, and the pages an email's
/// links lead to, before and after their button is pressed.
/// </summary>
public class FormStatesAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task FormsShowingErrors_PassWcag22AA()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var (path, button) in new[] { ("/join", "Join the mailing list"), ("/testimonials/share", "Send my testimonial"), ("/account/sign-in", "Sign in") })
        {
            await page.OpenAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();

            await page.AssertNoAxeViolationsAsync();
        }
    }

    [Fact]
    public async Task ConfirmAndUnsubscribePages_PassWcag22AA()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"axe-{Guid.NewGuid():N}@example.org";
        await page.OpenAsync("/join");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the mailing list" }).ClickAsync();
        await page.WaitForPageAsync("**/join/thanks");
        var message = await site.Mailbox.WaitForMessageToAsync(email);
        var links = EmailLinks.From(message);

        await page.GotoAsync(links.Confirm);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your subscription" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my subscription" }).ClickAsync();
        await page.WaitForPageAsync("**/join/confirmed");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync(links.Unsubscribe);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribe" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.OpenAsync("/join/confirm?token=not-a-real-token");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link does not work any more" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }
}
