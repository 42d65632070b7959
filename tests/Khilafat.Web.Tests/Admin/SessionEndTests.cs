using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Admin;

/// <summary>A session ends on the server: a copy of its cookie taken before sign-out, "sign out everywhere" or a role change is refused after it.</summary>
public class SessionEndTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private static void AssertSentToSignIn(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal),
            $"The copied cookie still opened the page: {(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var (client, cookies) = factory.CreateClientWithCookieJar();
        await client.SignInAsync(email);
        var copied = cookies.CookieHeader(factory);
        using (var before = await factory.GetWithCookiesAsync("/admin", copied)) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signedOut = await client.SignOutAsync();
        Assert.Equal("/", signedOut.LandedOn());

        using var after = await factory.GetWithCookiesAsync("/admin", copied);
        AssertSentToSignIn(after);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheAccount_AndIsAudited()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var (laptop, laptopCookies) = factory.CreateClientWithCookieJar();
        await laptop.SignInAsync(email);
        var laptopSession = laptopCookies.CookieHeader(factory);
        var phone = factory.CreateClient();
        await phone.SignInAsync(email);

        using var response = await phone.SubmitFormAsync("/admin/account", formSelector: "form[action*='handler=SignOutEverywhere']");

        Assert.Equal("/account/sign-in", response.LandedOn());
        Assert.Contains("You are signed out everywhere.", (await response.ReadDocumentAsync()).Status());
        Assert.StartsWith("/account/sign-in", (await phone.GetAsync("/admin")).LandedOn());
        Assert.StartsWith("/account/sign-in", (await laptop.GetAsync("/admin")).LandedOn());
        using (var copied = await factory.GetWithCookiesAsync("/admin", laptopSession)) AssertSentToSignIn(copied);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignOutEverywhere && e.ActorName == email);

        // Signing in again works.
        await phone.SignInAsync(email);
    }

    [Fact]
    public async Task ARoleChange_EndsTheAccountsOpenSessions_AtOnce()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var editorEmail = await factory.CreateUserAsync(Roles.Editor);
        var (editor, cookies) = factory.CreateClientWithCookieJar();
        await editor.SignInAsync(editorEmail);
        var copied = cookies.CookieHeader(factory);
        var id = (await factory.FindUserAsync(editorEmail))!.Id;

        using var changed = await admin.SubmitFormAsync($"/admin/users/edit/{id}", Html.Values(("role", Roles.Admin)), formSelector: "form[action*='handler=Role']");
        Assert.Contains("The role is now Admin.", (await changed.ReadDocumentAsync()).Status());

        using (var replayed = await factory.GetWithCookiesAsync("/admin", copied)) AssertSentToSignIn(replayed);
        Assert.StartsWith("/account/sign-in", (await editor.GetAsync("/admin")).LandedOn());
    }

    [Fact]
    public async Task ADisabledAccount_LosesItsOpenSession_AtOnce()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var id = (await factory.FindUserAsync(editorEmail))!.Id;

        using var disabled = await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=Disable']");
        Assert.Contains("The account is disabled", (await disabled.ReadDocumentAsync()).Status());

        Assert.StartsWith("/account/sign-in", (await editor.GetAsync("/admin")).LandedOn());
    }
}
