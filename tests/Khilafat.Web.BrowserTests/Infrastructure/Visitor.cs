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
        // The dashboard's address, then its heading, as a person sees it, without waiting on Chromium's lifecycle events:
        // its load event once never came on a busy machine with the page shown, and its idle network once never counted
        // (a fresh clone's run of 5 December: "NetworkIdle event fired" in the log, and the wait out after 30 s). The
        // sign-in cookie came with the redirect, so the signed-in state is complete once the address has changed; the
        // heading is given the navigation's time (30 s), as it stands for the page's load here.
        await page.WaitForURLAsync(AdminHome(), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Waits until the navigation a form started has reached <paramref name="url"/> and the page has finished loading,
    /// as the page itself says (its document complete), polled in the page. Not by Chromium's lifecycle events: after a
    /// redirect on a busy machine it now and then reported the network idle but never the load event, and later (a fresh
    /// clone's run of 6 December, after signing out) fired "NetworkIdle" while the wait for it still ran out.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <inheritdoc cref="WaitForPageAsync(IPage, Regex)"/>
    public static async Task WaitForPageAsync(this IPage page, string url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary>
    /// Opens every closed &lt;details&gt; in the page's content (the FAQ's answers), so that checks of the page see all
    /// of it. The header's menu is left as it is: on a wide screen it has no summary to click.
    /// </summary>
    public static async Task OpenEveryAnswerAsync(this IPage page)
    {
        foreach (var summary in await page.Locator("main details > summary").AllAsync()) await summary.ClickAsync();
    }

    /// <summary>
    /// The public pages in English that a visitor reaches from the navigation and forms, beyond the front door's, for
    /// checks run on each. The front door's pages (home, statement, FAQ, join) are proven in three languages at 1280 and
    /// 375 px and at 200% zoom by <see cref="Accessibility.FrontDoorProofTests"/>: checking them here too only repeated it.
    /// </summary>
    public static TheoryData<string> PublicPages =>
        ["/updates", "/history", "/testimonials", "/testimonials/share", "/join/thanks", "/account/sign-in", "/act", "/relief", "/privacy", "/events"];

    /// <summary>The path (and query) of the page now shown.</summary>
    public static string PathAndQuery(this IPage page) => new Uri(page.Url).PathAndQuery;

    [GeneratedRegex(@"/admin$")]
    public static partial Regex AdminHome();
}
