using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>Steps several journeys share, done as a person does them: by the labels and names on the screen.</summary>
public static partial class Visitor
{
    /// <summary>Goes to <paramref name="path"/> and checks that the page answered as expected.</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string path, int status = 200)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is not null && response.Status == status, $"GET {path} answered {response?.Status} ({page.Url}), expected {status}.");
        return response!;
    }

    /// <summary>Signs in on /account/sign-in with the mouse, and waits for the dashboard.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = BrowserSite.Password)
    {
        await page.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The dashboard's address, then its heading: waiting for the page's load event as well once hung past the
        // timeout on a busy machine, with the page already shown.
        await page.WaitForURLAsync(AdminHome(), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The path (and query) of the page now shown.</summary>
    public static string PathAndQuery(this IPage page) => new Uri(page.Url).PathAndQuery;

    [GeneratedRegex(@"/admin$")]
    public static partial Regex AdminHome();
}
