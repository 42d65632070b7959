using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The real app for the admin tests: a <see cref="SiteFactory"/> (whose form limits are raised far out of the way, as
/// these classes sign in far more often than one person could), with a constructor for a restart on the same data.
/// Their failed sign-ins all come from one (unknown) address, so the per-address limit on failures is raised too.
/// </summary>
public class AdminSiteFactory : SiteFactory
{
    public AdminSiteFactory() : this(null)
    {
    }

    /// <param name="dataDirectory">An existing data folder to run on (a restart); a new temporary one when null.</param>
    protected AdminSiteFactory(string? dataDirectory) : base(dataDirectory)
    {
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        // Failed sign-ins per address are tested with several addresses in SignInThrottleTests.
        base.Settings.Append(new KeyValuePair<string, string?>("Security:SignInFailuresPerAddress", "10000"));
}

/// <summary>What the admin tests do again and again: sign in step by step, sign out, read the audit log and the stored rows.</summary>
public static partial class AdminSite
{
    /// <summary>Submits the sign-in form (email and password) and returns the response, wherever it ended.</summary>
    public static Task<HttpResponseMessage> SubmitSignInAsync(this HttpClient client, string email, string password = TestAccounts.Password, string url = "/account/sign-in") =>
        client.SubmitFormAsync(url, Html.Values(("Input.Email", email), ("Input.Password", password)));

    /// <summary>Signs in on a client that does not follow redirects: the answer must be the redirect to /admin.</summary>
    public static async Task SignInWithoutFollowingAsync(this HttpClient client, string email, string password = TestAccounts.Password)
    {
        using var response = await client.SubmitSignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/admin",
            $"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}: {Html.Shorten(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>Presses "Sign out" on /account/sign-out (the same POST as the admin header's button); returns where the browser ended.</summary>
    public static Task<HttpResponseMessage> SignOutAsync(this HttpClient client) => client.SubmitFormAsync("/account/sign-out");

    /// <summary>
    /// Presses Restore on revision <paramref name="number"/> of a history page and, where the text is published (the
    /// page then asks what kind of change it is), answers as told; returns where it ends.
    /// </summary>
    public static async Task<HttpResponseMessage> RestoreRevisionAsync(this HttpClient editor, string historyUrl, int number, bool major = false, string? note = null)
    {
        var history = await editor.GetDocumentAsync(historyUrl);
        var row = history.QuerySelectorAll("form[action*='handler=Restore']").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=number]")!.GetAttribute("value") == number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var asked = await editor.SubmitAsync(row, historyUrl);
        if ((await asked.ReadDocumentAsync()).QuerySelector("form.restore-confirm") is not IHtmlFormElement confirm) return asked;
        asked.Dispose();
        return await editor.SubmitAsync(confirm, historyUrl, Html.Values(("Restore.IsMajorChange", major ? "true" : "false"), ("Restore.ChangeNote", note ?? "")));
    }

    /// <summary>A client whose cookie jar the test can read, to replay a session's cookie after it should have ended.</summary>
    public static (HttpClient Client, CookieContainer Cookies) CreateClientWithCookieJar(this SiteFactory factory)
    {
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress,
            new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        return (client, cookies);
    }

    /// <summary>The Cookie header a browser holding <paramref name="cookies"/> would send to the site.</summary>
    public static string CookieHeader(this CookieContainer cookies, SiteFactory factory) => cookies.GetCookieHeader(factory.ClientOptions.BaseAddress);

    /// <summary>GETs <paramref name="url"/> with exactly <paramref name="cookieHeader"/>, as whoever copied those cookies would; redirects are not followed.</summary>
    public static async Task<HttpResponseMessage> GetWithCookiesAsync(this SiteFactory factory, string url, string cookieHeader)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            HandleCookies = false, AllowAutoRedirect = false, BaseAddress = factory.ClientOptions.BaseAddress,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    /// <summary>GETs an admin page that must open: 200, at that address (not the sign-in page a redirect led to).</summary>
    public static async Task AssertOpensAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.LandedOn() == url,
            $"GET {url} answered {(int)response.StatusCode} from {response.LandedOn()}");
    }

    public const string TwoFactorSetupPage = "/admin/account/two-factor";

    /// <summary>
    /// Turns on two-factor sign-in from the account's own page with the app's current code (by the site's clock);
    /// returns the shared key and the recovery codes shown.
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(this HttpClient client, SiteFactory site)
    {
        var setup = await client.GetDocumentAsync(TwoFactorSetupPage);
        var key = setup.QuerySelector(".secret")!.Text();
        using var response = await client.SubmitAsync(setup.Form("form[action*='handler=Enable']"), TwoFactorSetupPage,
            Html.Values(("Code", Totp.Code(key, site.Clock.GetUtcNow()))));
        var codes = (await response.ReadDocumentAsync()).QuerySelectorAll(".codes li").Select(li => li.Text()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>The code the authenticator app shows <paramref name="stepsAhead"/> 30-second steps after the site's clock.</summary>
    public static string AuthenticatorCode(this SiteFactory site, string key, int stepsAhead = 0) =>
        Totp.Code(key, site.Clock.GetUtcNow().AddSeconds(30 * stepsAhead));

    /// <summary>The path (and query) the response finally came from, after redirects.</summary>
    public static string LandedOn(this HttpResponseMessage response) => response.RequestMessage!.RequestUri!.PathAndQuery;

    /// <summary>The text of the error summary at the top of a form, or "" when there is none.</summary>
    public static string ErrorSummary(this IHtmlDocument document) => document.QuerySelector(".error-summary")?.Text() ?? "";

    /// <summary>The status message (role=status) of a page, or "" when there is none.</summary>
    public static string Status(this IHtmlDocument document) =>
        string.Join(" ", document.QuerySelectorAll("main .status").Select(e => e.Text()));

    /// <summary>Every audit entry stored, oldest first.</summary>
    public static Task<List<AuditEntry>> AuditEntriesAsync(this SiteFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    public static Task<SiteUser?> FindUserAsync(this SiteFactory factory, string email) =>
        factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SiteUser>>();
            var user = await users.FindByEmailAsync(email);
            return user;
        });

    public static Task<IList<string>> RolesOfAsync(this SiteFactory factory, string email) =>
        factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SiteUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            return await users.GetRolesAsync(user);
        });

    /// <summary>The id in an address like /admin/pages/edit/12.</summary>
    public static int IdFrom(string path) => int.Parse(IdPattern().Match(path).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/(\d+)(?:\?|$)")]
    private static partial Regex IdPattern();
}
