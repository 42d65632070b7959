using System.Net;
using System.Text.RegularExpressions;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khilafat.Web.Tests.Admin;

/// <summary>
/// First run: with no account, the app logs a one-time /setup link that creates the first Admin. Each test starts
/// its own app, because creating the first admin closes setup for good.
/// </summary>
public partial class SetupTests
{
    private const string Password = "a long enough first password";

    [Fact]
    public async Task WithNoAccount_TheAppLogsAOneTimeSetupLink()
    {
        await using var factory = new AdminSiteFactory();

        var token = factory.Services.GetRequiredService<SetupToken>().Value;

        Assert.False(string.IsNullOrEmpty(token));
        var logged = Assert.Single(factory.Logs.GetSnapshot(), r => r.Message.Contains("/setup?token="));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal("/setup?token=" + token, LoggedSetupPath(factory));
        // On the public address (the factory's Site:PublicUrl), which works behind a proxy, not the instance's own.
        Assert.Contains("https://localhost/setup?token=" + token, logged.Message);
    }

    [Theory]
    [InlineData("/setup")]
    [InlineData("/setup?token=")]
    [InlineData("/setup?token=0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task Setup_WithoutTheRightToken_IsNotFound(string url)
    {
        await using var factory = new AdminSiteFactory();
        _ = LoggedSetupPath(factory);

        using var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await response.ReadDocumentAsync()).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Setup_PostedWithAWrongToken_IsNotFound_AndCreatesNothing()
    {
        await using var factory = new AdminSiteFactory();
        var client = factory.CreateClient();
        var url = LoggedSetupPath(factory);
        var form = (await client.GetDocumentAsync(url)).Form();

        using var response = await client.SubmitAsync(form, url,
            Html.Values(("Token", "wrong"), ("Input.Email", "intruder@example.org"), ("Input.Password", Password), ("Input.ConfirmPassword", Password)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await CountUsersAsync(factory));
    }

    [Fact]
    public async Task Setup_WithTheRightToken_CreatesTheFirstAdmin_SignsThemIn_AndClosesTheLink()
    {
        await using var factory = new AdminSiteFactory();
        var client = factory.CreateClient();
        var url = LoggedSetupPath(factory);

        var form = await client.GetDocumentAsync(url);
        Assert.Equal("Set up the site", form.QuerySelector("h1")!.Text());
        using var response = await client.SubmitAsync(form.Form(), url,
            Html.Values(("Input.Email", "first@example.org"), ("Input.Password", Password), ("Input.ConfirmPassword", Password)));

        // Signed in, on the dashboard, as an Admin (the Admin-only sections are offered).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin", response.LandedOn());
        var dashboard = await response.ReadDocumentAsync();
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.Text());
        Assert.NotNull(dashboard.QuerySelector("main a[href='/admin/users']"));
        await client.AssertOpensAsync("/admin/users");

        Assert.Equal([Roles.Admin], await factory.RolesOfAsync("first@example.org"));
        var created = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountCreated);
        Assert.Equal("user:first@example.org", created.Target);
        Assert.Equal("role Admin", created.Details);

        // The link is spent, for this browser and any other.
        Assert.Null(factory.Services.GetRequiredService<SetupToken>().Value);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);

        // The password chosen there works.
        await factory.CreateClient().SignInAsync("first@example.org", Password);
    }

    [Fact]
    public async Task Setup_OpenedInTwoBrowsers_CreatesOnlyTheFirstAdmin()
    {
        await using var factory = new AdminSiteFactory();
        var url = LoggedSetupPath(factory);
        var first = factory.CreateClient();
        var second = factory.CreateClient();
        var firstForm = (await first.GetDocumentAsync(url)).Form();
        var secondForm = (await second.GetDocumentAsync(url)).Form();

        using var firstResponse = await first.SubmitAsync(firstForm, url,
            Html.Values(("Input.Email", "first@example.org"), ("Input.Password", Password), ("Input.ConfirmPassword", Password)));
        using var secondResponse = await second.SubmitAsync(secondForm, url,
            Html.Values(("Input.Email", "second@example.org"), ("Input.Password", Password), ("Input.ConfirmPassword", Password)));

        Assert.Equal("/admin", firstResponse.LandedOn());
        Assert.Equal(HttpStatusCode.NotFound, secondResponse.StatusCode);
        Assert.Equal(1, await CountUsersAsync(factory));
        Assert.Null(await factory.FindUserAsync("second@example.org"));
    }

    [Fact]
    public async Task Setup_WithATooShortPassword_ShowsWhyBesideThePassword_AndCreatesNothing()
    {
        await using var factory = new AdminSiteFactory();
        var client = factory.CreateClient();
        var url = LoggedSetupPath(factory);

        using var response = await client.SubmitFormAsync(url,
            Html.Values(("Input.Email", "first@example.org"), ("Input.Password", "short pass"), ("Input.ConfirmPassword", "short pass")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("The password must be at least 12 characters (and at most 256).", page.FieldError("Input.Password"));
        Assert.Equal("first@example.org", page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal(0, await CountUsersAsync(factory));
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountCreated);

        // The link still works for a second try.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Setup_WithAPasswordIdentityRefuses_ShowsWhyBesideThePassword_AndTheLinkStillWorks()
    {
        await using var factory = new AdminSiteFactory();
        var client = factory.CreateClient();
        var url = LoggedSetupPath(factory);

        // Long enough, but only one distinct character (the app asks for 4).
        using var response = await client.SubmitFormAsync(url,
            Html.Values(("Input.Email", "first@example.org"), ("Input.Password", "aaaaaaaaaaaaaaaa"), ("Input.ConfirmPassword", "aaaaaaaaaaaaaaaa")));

        var page = await response.ReadDocumentAsync();
        Assert.Contains("different characters", page.FieldError("Input.Password"));
        Assert.Equal(0, await CountUsersAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    /// <summary>The path of the setup link the app logged at start.</summary>
    internal static string LoggedSetupPath(SiteFactory factory)
    {
        _ = factory.Services; // starts the app
        var message = Assert.Single(factory.Logs.GetSnapshot(), r => r.Message.Contains("/setup?token=")).Message;
        return SetupLink().Match(message).Value;
    }

    private static Task<int> CountUsersAsync(SiteFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Users.CountAsync());

    [GeneratedRegex(@"/setup\?token=[0-9a-f]+")]
    private static partial Regex SetupLink();
}
