using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

public class SignInTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string NotRight = SignInMessages.Failed;

    [Fact]
    public async Task RightPassword_LandsOnTheDashboard_AndIsAudited()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateClient();

        using var response = await client.SubmitSignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin", response.LandedOn());
        var dashboard = await response.ReadDocumentAsync();
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.Text());
        Assert.Equal(email, dashboard.QuerySelector(".admin-account a[href='/admin/account']")!.Text());
        var signedIn = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignIn && e.ActorName == email);
        Assert.Equal((await factory.FindUserAsync(email))!.Id, signedIn.ActorId);
    }

    [Fact]
    public async Task ASession_OutlivesItsEveryMinuteCheck()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);

        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        await client.AssertOpensAsync("/admin/pages");
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await client.AssertOpensAsync("/admin/faq");
    }

    [Fact]
    public async Task SignIn_GoesBackToTheAdminPageThatAskedForIt()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateClient();

        using var askedFor = await client.GetAsync("/admin/faq");
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin%2Ffaq", askedFor.LandedOn());
        using var response = await client.SubmitSignInAsync(email, url: askedFor.LandedOn());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin/faq", response.LandedOn());
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    public async Task SignIn_IgnoresAReturnUrlToAnotherSite(string returnUrl)
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateNonRedirectingClient();

        using var response = await client.SubmitSignInAsync(email, url: "/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedWithAMessage_AndIsAudited()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateClient();

        using var response = await client.SubmitSignInAsync(email, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account/sign-in", response.LandedOn());
        var page = await response.ReadDocumentAsync();
        Assert.Contains(NotRight, page.ErrorSummary());
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name='Input.Password']")!.GetAttribute("value")), "The password is not sent back.");
        var failed = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignInFailed && e.ActorName == email);
        Assert.Equal((await factory.FindUserAsync(email))!.Id, failed.ActorId);
        // Still signed out.
        Assert.StartsWith("/account/sign-in", (await client.GetAsync("/admin")).LandedOn());
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswerAsAWrongPassword_AndIsAudited()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.org";

        using var response = await factory.CreateClient().SubmitSignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(NotRight, (await response.ReadDocumentAsync()).ErrorSummary());
        var failed = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignInFailed && e.ActorName == email);
        Assert.Null(failed.ActorId);
    }

    /// <summary>Guessing spread over many addresses (this class lifts the per-address limit) locks the account, without saying so to whoever is guessing.</summary>
    [Fact]
    public async Task TenWrongPasswords_LockTheAccountForFifteenMinutes_ShowingTheSameMessageAsAWrongPassword()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateClient();

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var wrong = await client.SubmitSignInAsync(email, $"wrong password number {attempt}");
            Assert.Contains(NotRight, (await wrong.ReadDocumentAsync()).ErrorSummary());
        }

        // Now even the right password is refused, with the same words.
        using var right = await client.SubmitSignInAsync(email);
        Assert.Equal("/account/sign-in", right.LandedOn());
        Assert.Contains(NotRight, (await right.ReadDocumentAsync()).ErrorSummary());
        Assert.StartsWith("/account/sign-in", (await client.GetAsync("/admin")).LandedOn());

        var user = (await factory.FindUserAsync(email))!;
        Assert.NotNull(user.LockoutEnd);
        var lockedFor = user.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(lockedFor, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        var audit = (await factory.AuditEntriesAsync()).Where(e => e.ActorName == email).Select(e => e.Action).ToList();
        Assert.Equal(9, audit.Count(a => a == AuditActions.SignInFailed));
        Assert.Equal(2, audit.Count(a => a == AuditActions.LockedOut));
        Assert.DoesNotContain(AuditActions.SignIn, audit);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        await factory.WithScopeAsync(async sp =>
        {
            var user = (await factory.FindUserAsync(email))!;
            var result = await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(user.Id, true, Actor.System);
            Assert.True(result.Succeeded, result.Error);
        });
        var client = factory.CreateClient();

        using var response = await client.SubmitSignInAsync(email);

        Assert.Equal("/account/sign-in", response.LandedOn());
        Assert.Contains(NotRight, (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.StartsWith("/account/sign-in", (await client.GetAsync("/admin")).LandedOn());
        var failed = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignInFailed && e.ActorName == email);
        Assert.Equal("account disabled", failed.Details);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlySecureAndLax()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.CreateNonRedirectingClient();

        using var response = await client.SubmitSignInAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Khilafat.Auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        // A session cookie: it ends with the browser session (isPersistent: false).
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal) || a.StartsWith("max-age=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndIsAudited()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);

        // POST /account/sign-out, with the page's anti-forgery token.
        using var response = await client.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.LandedOn());
        using var admin = await client.GetAsync("/admin");
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin", admin.LandedOn());
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignOut && e.ActorName == email);
    }

    /// <summary>The "Sign out" button every admin page shows in its header.</summary>
    [Fact]
    public async Task SignOut_FromTheAdminHeader_EndsTheSession_AndIsAudited()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await client.SubmitFormAsync("/admin", formSelector: "header form[action='/account/sign-out']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.LandedOn());
        using var admin = await client.GetAsync("/admin");
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin", admin.LandedOn());
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignOut && e.ActorName == email);
    }

    [Fact]
    public async Task SignOutPage_ReachedByALink_DoesNotSignOut()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);

        using var page = await client.GetAsync("/account/sign-out");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await client.AssertOpensAsync("/admin");
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignOut && e.ActorName == email);
    }
}
