using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Settings;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

public class TwoFactorTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string SetupPage = "/admin/account/two-factor";

    [Fact]
    public async Task TurningOnTwoFactor_WithTheAppsCode_ShowsTenRecoveryCodes_AndIsAudited()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);

        var setup = await client.GetDocumentAsync(SetupPage);
        var key = setup.QuerySelector(".secret")!.Text();
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"));
        using var response = await client.SubmitAsync(setup.Form("form[action*='handler=Enable']"), SetupPage,
            Html.Values(("Code", Totp.Code(key, factory.Clock.GetUtcNow()))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var codes = page.QuerySelectorAll(".codes li").Select(li => li.Text()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Two-factor sign-in is on.", page.QuerySelector("main")!.Text());
        Assert.True((await factory.FindUserAsync(email))!.TwoFactorEnabled);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.TwoFactorEnabled && e.ActorName == email);

        // The codes are shown once: the page does not show them again.
        var later = await client.GetDocumentAsync(SetupPage);
        Assert.Empty(later.QuerySelectorAll(".codes li"));
        Assert.Null(later.QuerySelector(".secret"));
        Assert.Contains("You have 10 recovery codes left.", later.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task SettingUpTwoFactor_TakingMoreThanAMinute_StillWorks()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var setup = await client.GetDocumentAsync(SetupPage);
        var key = setup.QuerySelector(".secret")!.Text();

        // Installing an authenticator app and scanning the code takes a while; the session checks itself meanwhile.
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        using var response = await client.SubmitAsync(setup.Form("form[action*='handler=Enable']"), SetupPage,
            Html.Values(("Code", Totp.Code(key, factory.Clock.GetUtcNow()))));

        // The codes are shown on the answer to the form itself (they are never stored to show later).
        Assert.Equal(SetupPage, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(10, (await response.ReadDocumentAsync()).QuerySelectorAll(".codes li").Length);
        Assert.True((await factory.FindUserAsync(email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task OpeningTheTwoFactorPage_DoesNotEndTheSession()
    {
        var (client, _) = await factory.SignedInClientAsync(Roles.Editor);
        await client.GetDocumentAsync(SetupPage);

        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        await client.AssertOpensAsync("/admin/pages");
    }

    [Fact]
    public async Task AWrongCode_DoesNotTurnTwoFactorOn()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var setup = await client.GetDocumentAsync(SetupPage);
        var key = setup.QuerySelector(".secret")!.Text();
        var wrong = Totp.Code(key, factory.Clock.GetUtcNow().AddHours(-1));

        using var response = await client.SubmitAsync(setup.Form("form[action*='handler=Enable']"), SetupPage, Html.Values(("Code", wrong)));

        var page = await response.ReadDocumentAsync();
        Assert.Contains("That code is not right", page.FieldError("Code"));
        Assert.Empty(page.QuerySelectorAll(".codes li"));
        Assert.Equal(key, page.QuerySelector(".secret")!.Text());
        Assert.False((await factory.FindUserAsync(email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task WithTwoFactorOn_ThePasswordAlone_DoesNotSignIn_AndTheCurrentCodeCompletesIt()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (key, _) = await EnableTwoFactorAsync(client);
        await client.SignOutAsync();

        var browser = factory.CreateClient();
        using var passwordStep = await browser.SubmitSignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, passwordStep.StatusCode);
        Assert.Equal("/account/two-factor", passwordStep.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Two-factor sign-in", (await passwordStep.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        // Half signed in is not signed in.
        Assert.StartsWith("/account/sign-in", (await browser.GetAsync("/admin")).LandedOn());

        using var codeStep = await browser.SubmitFormAsync(passwordStep.LandedOn(), Html.Values(("Code", NextCode(key))));

        Assert.Equal(HttpStatusCode.OK, codeStep.StatusCode);
        Assert.Equal("/admin", codeStep.LandedOn());
        Assert.Equal("Dashboard", (await codeStep.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        var signedIn = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignIn && e.ActorName == email && e.Details == "authenticator code");
        Assert.NotNull(signedIn.ActorId);
    }

    [Fact]
    public async Task TheTwoFactorSecrets_AreStoredEncrypted_SoThatACopyOfTheDatabaseDoesNotHoldThem()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (key, codes) = await EnableTwoFactorAsync(client);

        var stored = await StoredSecretsAsync(email);
        Assert.Equal(["AuthenticatorKey", "RecoveryCodes"], stored.Keys.Order());
        var compactKey = key.Replace(" ", "").ToUpperInvariant();
        Assert.All(stored.Values, value => Assert.DoesNotContain(compactKey, value, StringComparison.OrdinalIgnoreCase));
        Assert.All(codes, code => Assert.All(stored.Values, value => Assert.DoesNotContain(code, value)));

        // Still what signs in.
        await client.SignOutAsync();
        var browser = factory.CreateClient();
        using var passwordStep = await browser.SubmitSignInAsync(email);
        using var codeStep = await browser.SubmitFormAsync(passwordStep.LandedOn(), Html.Values(("Code", NextCode(key))));
        Assert.Equal("/admin", codeStep.LandedOn());
    }

    [Fact]
    public async Task SecretsAnEarlierBuildStoredInClear_StillSignIn_AndAreEncryptedAtTheNextStart()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (key, _) = await EnableTwoFactorAsync(client);
        await client.SignOutAsync();
        // As builds before the encrypting store wrote it: the key itself, in clear.
        var compactKey = key.Replace(" ", "").ToUpperInvariant();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            await db.WriteAsync(async c =>
            {
                var token = await db.UserTokens.SingleAsync(t => t.UserId == user.Id && t.LoginProvider == SiteUserStore.TwoFactorProvider && t.Name == "AuthenticatorKey", c);
                token.Value = compactKey;
            });
        });

        var browser = factory.CreateClient();
        using (var passwordStep = await browser.SubmitSignInAsync(email))
        using (var codeStep = await browser.SubmitFormAsync(passwordStep.LandedOn(), Html.Values(("Code", NextCode(key)))))
            Assert.Equal("/admin", codeStep.LandedOn());

        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteUserStore>().EncryptClearSecretsAsync());

        Assert.NotEqual(compactKey, (await StoredSecretsAsync(email))["AuthenticatorKey"]);
        var again = factory.CreateClient();
        using var secondPassword = await again.SubmitSignInAsync(email);
        using var secondCode = await again.SubmitFormAsync(secondPassword.LandedOn(), Html.Values(("Code", factory.AuthenticatorCode(key, stepsAhead: 2))));
        Assert.Equal("/admin", secondCode.LandedOn());
    }

    private Task<Dictionary<string, string>> StoredSecretsAsync(string email) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            return await db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id && t.LoginProvider == SiteUserStore.TwoFactorProvider)
                .ToDictionaryAsync(t => t.Name, t => t.Value!);
        });

    [Fact]
    public async Task WithTwoFactorOn_AWrongCode_IsRefused()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (key, _) = await EnableTwoFactorAsync(client);
        var browser = factory.CreateClient();
        using var passwordStep = await browser.SubmitSignInAsync(email);

        using var codeStep = await browser.SubmitFormAsync(passwordStep.LandedOn(), Html.Values(("Code", Totp.Code(key, factory.Clock.GetUtcNow().AddHours(-2)))));

        Assert.Equal("/account/two-factor", codeStep.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("That code is not right", (await codeStep.ReadDocumentAsync()).FieldError("Code"));
        Assert.StartsWith("/account/sign-in", (await browser.GetAsync("/admin")).LandedOn());
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.SignInFailed && e.ActorName == email && e.Details == "authenticator code");
    }

    [Fact]
    public async Task EachSecondStepPage_ChecksItsOwnKindOfCode_AndLabelsItsField()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        await EnableTwoFactorAsync(client);
        var browser = factory.CreateClient();
        using var passwordStep = await browser.SubmitSignInAsync(email);
        var codePage = await passwordStep.ReadDocumentAsync();
        Assert.Equal("Authentication code", codePage.QuerySelector("label[for='Code']")!.TextContent.Trim());

        using var notDigits = await browser.SubmitFormAsync("/account/two-factor", Html.Values(("Code", "abcdef")));
        Assert.Equal("Enter the 6-digit code from your authenticator app.", (await notDigits.ReadDocumentAsync()).FieldError("Code"));

        using var recoveryPage = await browser.GetAsync("/account/recovery-code");
        Assert.Equal("Recovery code", (await recoveryPage.ReadDocumentAsync()).QuerySelector("label[for='Code']")!.TextContent.Trim());
        using var tooLong = await browser.SubmitFormAsync("/account/recovery-code", Html.Values(("Code", new string('x', 41))));
        Assert.Equal("A recovery code is at most 40 characters.", (await tooLong.ReadDocumentAsync()).FieldError("Code"));
        using var empty = await browser.SubmitFormAsync("/account/recovery-code", Html.Values(("Code", "")));
        Assert.Equal("Enter one of your recovery codes.", (await empty.ReadDocumentAsync()).FieldError("Code"));
    }

    [Fact]
    public async Task TheCodePage_WithoutAPasswordStep_SendsToSignIn()
    {
        using var response = await factory.CreateClient().GetAsync("/account/two-factor");

        Assert.Equal("/account/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        var (_, codes) = await EnableTwoFactorAsync(client);
        await client.SignOutAsync();

        var first = factory.CreateClient();
        using (var passwordStep = await first.SubmitSignInAsync(email))
        {
            Assert.Equal("/account/two-factor", passwordStep.RequestMessage!.RequestUri!.AbsolutePath);
            var recoveryLink = (await passwordStep.ReadDocumentAsync()).QuerySelector("main a[href^='/account/recovery-code']")!.GetAttribute("href")!;
            using var recovered = await first.SubmitFormAsync(recoveryLink, Html.Values(("Code", codes[0])));
            Assert.Equal("/admin", recovered.LandedOn());
        }
        Assert.Equal(9, await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SiteUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
        }));

        var second = factory.CreateClient();
        using var again = await second.SubmitSignInAsync(email);
        using var reused = await second.SubmitFormAsync("/account/recovery-code", Html.Values(("Code", codes[0])));

        Assert.Equal("/account/recovery-code", reused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("That recovery code is not right, or it has been used already.", (await reused.ReadDocumentAsync()).FieldError("Code"));
        Assert.StartsWith("/account/sign-in", (await second.GetAsync("/admin")).LandedOn());

        // Another unused code still works.
        using var other = await second.SubmitFormAsync("/account/recovery-code", Html.Values(("Code", codes[1])));
        Assert.Equal("/admin", other.LandedOn());
    }

    [Fact]
    public async Task AnEditor_CanTurnTwoFactorOffAgain()
    {
        var (client, email) = await factory.SignedInClientAsync(Roles.Editor);
        await EnableTwoFactorAsync(client);

        using var response = await client.SubmitFormAsync(SetupPage, Html.Values(("DisableProof", TestAccounts.Password)), formSelector: "form[action*='handler=Disable']");

        Assert.Contains("Two-factor sign-in is off.", (await response.ReadDocumentAsync()).Status());
        Assert.False((await factory.FindUserAsync(email))!.TwoFactorEnabled);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.TwoFactorDisabled && e.ActorName == email);
        await client.SignOutAsync();
        await factory.CreateClient().SignInAsync(email);
    }

    [Fact]
    public async Task RequiringTwoFactorForAdmins_SendsAnAdminWithoutIt_ToSetItUp_BeforeAnyOtherAdminPage()
    {
        // Its own app: the setting applies to every Admin of the site.
        await using var site = new AdminSiteFactory();
        var (settingAdmin, settingAdminEmail) = await site.SignedInClientAsync(Roles.Admin);
        var (admin, _) = await site.SignedInClientAsync(Roles.Admin);
        var (editor, _) = await site.SignedInClientAsync(Roles.Editor);
        Assert.Equal("/admin/pages", (await admin.GetAsync("/admin/pages")).LandedOn());

        var settings = await settingAdmin.GetDocumentAsync("/admin/settings");
        Assert.Contains("Require two-factor sign-in for Admins", settings.QuerySelector("main form")!.Text());
        Assert.False(settings.QuerySelector("input[name='RequireAdminTwoFactor'][type=checkbox]")!.HasAttribute("checked"));
        using var saved = await settingAdmin.SubmitAsync(settings.Form(), "/admin/settings", Html.Values(("RequireAdminTwoFactor", "true")));
        var change = Assert.Single(await site.AuditEntriesAsync(), e => e.Action == AuditActions.SettingsChanged);
        Assert.Equal(settingAdminEmail, change.ActorName);
        Assert.Equal(SettingKeys.RequireAdminTwoFactor, change.Target);
        Assert.Equal("true", change.Details);

        foreach (var path in new[] { "/admin", "/admin/pages", "/admin/faq", "/admin/users", "/admin/audit", "/admin/settings", "/admin/account" })
        {
            using var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(SetupPage + "?required=true", response.LandedOn(), ignoreCase: true);
        }
        var required = await admin.GetDocumentAsync("/admin/pages");
        Assert.Contains("Admins must use two-factor sign-in.", required.QuerySelector("main")!.Text());

        // Editors are not asked.
        Assert.Equal("/admin/pages", (await editor.GetAsync("/admin/pages")).LandedOn());

        // Once it is on, the admin pages open, and it cannot be turned off while required.
        await admin.EnableTwoFactorAsync(site);
        Assert.Equal("/admin/pages", (await admin.GetAsync("/admin/pages")).LandedOn());
        Assert.Equal("/admin/users", (await admin.GetAsync("/admin/users")).LandedOn());
        Assert.Null((await admin.GetDocumentAsync(SetupPage)).QuerySelector("form[action*='handler=Disable']"));
    }

    /// <summary>
    /// The code the app shows 30 seconds after the site's clock: the current one is used up by whatever used it last
    /// (turning two-factor on, say), and each code is accepted once.
    /// </summary>
    private string NextCode(string key) => factory.AuthenticatorCode(key, stepsAhead: 1);

    private Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(HttpClient client) => client.EnableTwoFactorAsync(factory);
}
