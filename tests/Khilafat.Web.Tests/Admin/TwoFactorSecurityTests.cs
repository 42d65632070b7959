using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

/// <summary>
/// Two-factor sign-in that a stolen session or a seen code cannot undo: opening the page changes nothing, turning it
/// off and new recovery codes need the password or a current code, and each code signs in once.
/// </summary>
public class TwoFactorSecurityTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string SetupPage = AdminSite.TwoFactorSetupPage;
    private const string WrongCode = "That code is not right.";

    [Fact]
    public async Task OpeningTheSetupPage_StoresNothing_AndLeavesTheAccountsOtherSessionsOpen()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var (other, cookies) = factory.CreateClientWithCookieJar();
        await other.SignInAsync(email);
        var otherSession = cookies.CookieHeader(factory);
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        var stampBefore = (await factory.FindUserAsync(email))!.SecurityStamp;

        var first = await client.GetDocumentAsync(SetupPage);
        var second = await client.GetDocumentAsync(SetupPage);

        Assert.NotNull(first.QuerySelector(".secret"));
        Assert.NotNull(second.QuerySelector(".secret"));
        var user = (await factory.FindUserAsync(email))!;
        Assert.Equal(stampBefore, user.SecurityStamp);
        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<SiteUser>>().GetAuthenticatorKeyAsync(user)));
        using var stillOpen = await factory.GetWithCookiesAsync("/admin", otherSession);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }

    [Fact]
    public async Task ASetupFormWhoseKeyWasSwapped_IsRefused()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var setup = await client.GetDocumentAsync(SetupPage);
        const string chosenKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

        using var response = await client.SubmitAsync(setup.Form("form[action*='handler=Enable']"), SetupPage,
            Html.Values(("SetupToken", chosenKey), ("Code", factory.AuthenticatorCode(chosenKey))));

        Assert.Contains("Scan the new code below", (await response.ReadDocumentAsync()).FieldError("Code"));
        Assert.False((await factory.FindUserAsync(email))!.TwoFactorEnabled);
    }

    [Theory]
    [InlineData("", "Enter your password, or the current code from your authenticator app.")]
    [InlineData("not my password at all", "That is neither your password nor a current code from your authenticator app.")]
    [InlineData("000000", "That is neither your password nor a current code from your authenticator app.")]
    public async Task TurningTwoFactorOff_WithoutThePasswordOrACurrentCode_IsRefusedBesideTheField(string proof, string message)
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        await client.EnableTwoFactorAsync(factory);

        using var response = await client.SubmitFormAsync(SetupPage, Html.Values(("DisableProof", proof)), formSelector: "form[action*='handler=Disable']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await response.ReadDocumentAsync()).FieldError("DisableProof"));
        Assert.True((await factory.FindUserAsync(email))!.TwoFactorEnabled);
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.TwoFactorDisabled && e.ActorName == email);
    }

    [Fact]
    public async Task TurningTwoFactorOff_WithACurrentCode_Works()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (key, _) = await client.EnableTwoFactorAsync(factory);

        using var response = await client.SubmitFormAsync(SetupPage, Html.Values(("DisableProof", factory.AuthenticatorCode(key, stepsAhead: 1))),
            formSelector: "form[action*='handler=Disable']");

        Assert.Contains("Two-factor sign-in is off.", (await response.ReadDocumentAsync()).Status());
        Assert.False((await factory.FindUserAsync(email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task NewRecoveryCodes_NeedThePasswordOrACurrentCode()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (_, oldCodes) = await client.EnableTwoFactorAsync(factory);

        using var refused = await client.SubmitFormAsync(SetupPage, Html.Values(("NewCodesProof", "")), formSelector: "form[action*='handler=RecoveryCodes']");
        var refusedPage = await refused.ReadDocumentAsync();
        Assert.Equal("Enter your password, or the current code from your authenticator app.", refusedPage.FieldError("NewCodesProof"));
        Assert.Empty(refusedPage.QuerySelectorAll(".codes li"));

        using var made = await client.SubmitFormAsync(SetupPage, Html.Values(("NewCodesProof", TestAccounts.Password)), formSelector: "form[action*='handler=RecoveryCodes']");
        var codes = (await made.ReadDocumentAsync()).QuerySelectorAll(".codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(oldCodes));
    }

    [Fact]
    public async Task ACode_SignsInOnce_AndTheCodeThatTurnedTwoFactorOn_DoesNotSignIn()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (key, _) = await client.EnableTwoFactorAsync(factory);
        await client.SignOutAsync();

        // The code that turned two-factor on, a moment ago.
        var first = factory.CreateClient();
        using (var passwordStep = await first.SubmitSignInAsync(email))
        {
            using var used = await first.SubmitFormAsync(passwordStep.LandedOn(), Html.Values(("Code", factory.AuthenticatorCode(key))));
            Assert.Equal("/account/two-factor", used.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains(WrongCode, (await used.ReadDocumentAsync()).FieldError("Code"));

            using var next = await first.SubmitFormAsync(passwordStep.LandedOn(), Html.Values(("Code", factory.AuthenticatorCode(key, stepsAhead: 1))));
            Assert.Equal("/admin", next.LandedOn());
        }

        // The same code again, from another browser, within its window.
        var second = factory.CreateClient();
        using var again = await second.SubmitSignInAsync(email);
        using var replayed = await second.SubmitFormAsync(again.LandedOn(), Html.Values(("Code", factory.AuthenticatorCode(key, stepsAhead: 1))));
        Assert.Contains(WrongCode, (await replayed.ReadDocumentAsync()).FieldError("Code"));
        Assert.StartsWith("/account/sign-in", (await second.GetAsync("/admin")).LandedOn());

        using var later = await second.SubmitFormAsync(again.LandedOn(), Html.Values(("Code", factory.AuthenticatorCode(key, stepsAhead: 2))));
        Assert.Equal("/admin", later.LandedOn());
    }
}
