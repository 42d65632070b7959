using Khilafat.Web.Accounts;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>
/// An editor signed out on another device while writing presses Save: the site answers with the sign-in page and the
/// browser drops the form's body. What they typed comes back in the form once they sign in again, nothing saved
/// until they save it, and it is gone once saved.
/// </summary>
public class KeepTypedTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task WordsTypedWhenTheSessionHadEnded_AreBackInTheForm_AfterSigningInAgain()
    {
        var editor = await site.CreateUserAsync(Roles.Editor);
        await using var desk = await site.NewContextAsync();
        var page = await desk.NewPageAsync();
        await page.SignInAsync(editor);
        await page.OpenAsync($"/admin/pages/edit/{site.StatementId}");
        const string typed = "An afternoon's paragraph, typed once and not to be typed again.";
        await page.GetByLabel("Body").FillAsync(typed);
        await page.GetByLabel("Show readers how this page changed").UncheckAsync();

        // Signing out on the phone ends every session of the account, the desk's among them.
        await using (var phone = await site.NewContextAsync())
        {
            var phonePage = await phone.NewPageAsync();
            await phonePage.SignInAsync(editor);
            await phonePage.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await phonePage.WaitForPageAsync(site.BaseAddress + "");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator(".status")).ToContainTextAsync("They are kept in this browser tab");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(editor);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit page", Level = 1 })).ToBeVisibleAsync();
        var notice = page.Locator(".status").Filter(new() { HasText = "Nothing was saved" });
        await Expect(notice).ToContainTextAsync("press \u201cSave as draft\u201d again");
        await Expect(notice).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Body")).ToHaveValueAsync(typed);
        await Expect(page.GetByLabel("Show readers how this page changed")).Not.ToBeCheckedAsync();
        Assert.NotEqual(typed, (await StatementAsync()).Text.Working.Body);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(page.Locator(".status")).ToContainTextAsync("Draft saved.");
        var stored = await StatementAsync();
        Assert.Equal(typed, stored.Text.Working.Body);
        Assert.False(stored.HasPublicHistory);

        // Kept only until the server has the form: a later visit shows what is stored, with no notice.
        await page.OpenAsync($"/admin/pages/edit/{site.StatementId}");
        await Expect(page.Locator(".status")).ToHaveCountAsync(0);
    }

    private Task<EditablePage> StatementAsync() =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<PageEditor>().GetAsync(site.StatementId, default))!);
}
