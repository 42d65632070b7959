using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Admin;

/// <summary>What Admins do to accounts on /admin/users: create (with a one-time password link), change roles, disable and enable.</summary>
public class AccountsTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string NewPassword = "the editor's own new password";

    [Fact]
    public async Task Admin_CreatesAnEditor_WhoSetsAPasswordWithTheOneTimeLink_AndSignsIn()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var email = NewEmail("new-editor");

        using var created = await admin.SubmitFormAsync("/admin/users/create", Html.Values(("Input.Email", email), ("Input.Role", Roles.Editor)));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var user = (await factory.FindUserAsync(email))!;
        Assert.Equal($"/admin/users/edit/{user.Id}", created.RequestMessage!.RequestUri!.AbsolutePath);
        var accountPage = await created.ReadDocumentAsync();
        Assert.Contains($"The account {email} is created.", accountPage.Status());
        Assert.Equal(Roles.Editor, Definition(accountPage, "Role"));
        var link = accountPage.QuerySelector(".secret")!.Text();
        Assert.StartsWith("https://localhost/account/reset-password?user=", link);
        Assert.Equal([Roles.Editor], await factory.RolesOfAsync(email));
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountCreated && e.Target == "user:" + email);
        Assert.Equal(adminEmail, audit.ActorName);
        Assert.Equal("role Editor", audit.Details);
        // The link is shown once.
        Assert.Null((await admin.GetDocumentAsync($"/admin/users/edit/{user.Id}")).QuerySelector(".secret"));

        // The new editor opens it, sets a password, and signs in with it.
        var newcomer = factory.CreateClient();
        var linkPath = new Uri(link).PathAndQuery;
        var setPassword = await newcomer.GetDocumentAsync(linkPath);
        Assert.Contains(email, setPassword.QuerySelector("main")!.Text());
        using var set = await newcomer.SubmitAsync(setPassword.Form(), linkPath, Html.Values(("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword)));
        Assert.Equal("/account/sign-in", set.LandedOn());
        Assert.Contains("Your password is set. You can sign in now.", (await set.ReadDocumentAsync()).QuerySelector("main")!.Text());
        await newcomer.SignInAsync(email, NewPassword);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PasswordReset && e.ActorName == email);

        // It works once.
        var again = await factory.CreateClient().GetDocumentAsync(linkPath);
        Assert.Contains("This link has expired or has been used already.", again.QuerySelector("main")!.Text());
        Assert.Null(again.QuerySelector("main form"));

        // An editor may not manage accounts.
        using var users = await newcomer.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    [Fact]
    public async Task CreatingAnAccountForAnEmailThatHasOne_IsRefusedBesideTheEmail()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var existing = await factory.CreateUserAsync(Roles.Editor);

        using var response = await admin.SubmitFormAsync("/admin/users/create", Html.Values(("Input.Email", existing), ("Input.Role", Roles.Admin)));

        Assert.Equal("An account with this email already exists.", (await response.ReadDocumentAsync()).FieldError("Input.Email"));
        Assert.Equal([Roles.Editor], await factory.RolesOfAsync(existing));
    }

    [Fact]
    public async Task TheAccountsList_ShowsEveryAccountWithItsRole()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var editor = await factory.CreateUserAsync(Roles.Editor);

        var list = await admin.GetDocumentAsync("/admin/users");

        var rows = list.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("td a")!.Text(), r => r.QuerySelectorAll("td").Select(c => c.Text()).ToList());
        Assert.Equal(Roles.Admin, rows[adminEmail][1]);
        Assert.Equal("Active", rows[adminEmail][2]);
        Assert.Equal(Roles.Editor, rows[editor][1]);
        Assert.Equal("Never", rows[editor][4]);
    }

    [Fact]
    public async Task Admin_MakesAnEditorAnAdmin_WhichIsAudited_AndTakesEffectWithinAMinute()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        var id = (await factory.FindUserAsync(editorEmail))!.Id;

        using var response = await admin.SubmitFormAsync($"/admin/users/edit/{id}", Html.Values(("role", Roles.Admin)), formSelector: "form[action*='handler=Role']");

        var page = await response.ReadDocumentAsync();
        Assert.Contains("The role is now Admin.", page.Status());
        Assert.Equal(Roles.Admin, Definition(page, "Role"));
        Assert.Equal([Roles.Admin], await factory.RolesOfAsync(editorEmail));
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.RoleChanged && e.Target == "user:" + editorEmail);
        Assert.Equal(adminEmail, audit.ActorName);
        Assert.Equal("Editor -> Admin", audit.Details);

        // Their open session, signed in with the old role, ends at its next check (within a minute); signed in again, they are an Admin.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.StartsWith("/account/sign-in", (await editor.GetAsync("/admin/users")).LandedOn());
        await editor.SignInAsync(editorEmail);
        await editor.AssertOpensAsync("/admin/users");
    }

    [Fact]
    public async Task Admin_DisablesAnAccount_WhichCanNoLongerSignIn_AndItsOpenSessionEnds()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var id = (await factory.FindUserAsync(editorEmail))!.Id;

        using var response = await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=Disable']");

        var page = await response.ReadDocumentAsync();
        Assert.Contains("The account is disabled", page.Status());
        Assert.Equal("Disabled", Definition(page, "Status"));
        Assert.True((await factory.FindUserAsync(editorEmail))!.IsDisabled);
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountDisabled && e.Target == "user:" + editorEmail);
        Assert.Equal(adminEmail, audit.ActorName);

        using var refused = await factory.CreateClient().SubmitSignInAsync(editorEmail);
        Assert.Equal("/account/sign-in", refused.LandedOn());
        Assert.Contains("The email or password is not right.", (await refused.ReadDocumentAsync()).ErrorSummary());

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.StartsWith("/account/sign-in", (await editor.GetAsync("/admin")).LandedOn());
    }

    [Fact]
    public async Task Admin_EnablesADisabledAccount_WhichCanSignInAgain()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var email = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.FindUserAsync(email))!.Id;
        await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=Disable']");

        using var response = await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=Enable']");

        Assert.Contains("The account is enabled again.", (await response.ReadDocumentAsync()).Status());
        await factory.CreateClient().SignInAsync(email);
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountEnabled && e.Target == "user:" + email);
    }

    [Fact]
    public async Task Admin_CannotDisableTheirOwnAccount()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        var id = (await factory.FindUserAsync(adminEmail))!.Id;

        using var response = await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=Disable']");

        Assert.Contains("You cannot disable your own account.", (await response.ReadDocumentAsync()).Status());
        Assert.False((await factory.FindUserAsync(adminEmail))!.IsDisabled);
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountDisabled && e.Target == "user:" + adminEmail);
    }

    [Fact]
    public async Task TheOnlyActiveAdmin_CannotDisableOrDemoteThemself()
    {
        // Its own app, with one Admin only.
        await using var site = new AdminSiteFactory();
        var (admin, adminEmail) = await site.SignedInClientAsync(Roles.Admin);
        var id = (await site.FindUserAsync(adminEmail))!.Id;

        using var demoted = await admin.SubmitFormAsync($"/admin/users/edit/{id}", Html.Values(("role", Roles.Editor)), formSelector: "form[action*='handler=Role']");

        var page = await demoted.ReadDocumentAsync();
        Assert.Contains("This is the only active admin. Make another account an admin first.", page.Status());
        Assert.Equal(Roles.Admin, Definition(page, "Role"));

        using var disabled = await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=Disable']");

        Assert.Contains("You cannot disable your own account.", (await disabled.ReadDocumentAsync()).Status());
        Assert.Equal([Roles.Admin], await site.RolesOfAsync(adminEmail));
        Assert.False((await site.FindUserAsync(adminEmail))!.IsDisabled);
        Assert.DoesNotContain(await site.AuditEntriesAsync(), e => e.Action is AuditActions.RoleChanged or AuditActions.AccountDisabled);
        await admin.AssertOpensAsync("/admin/users");
    }

    [Fact]
    public async Task AnAdmin_CanStepDownToEditor_WhenAnotherAdminRemains()
    {
        var (admin, adminEmail) = await factory.SignedInClientAsync(Roles.Admin);
        await factory.CreateUserAsync(Roles.Admin);
        var id = (await factory.FindUserAsync(adminEmail))!.Id;

        using var response = await admin.SubmitFormAsync($"/admin/users/edit/{id}", Html.Values(("role", Roles.Editor)), formSelector: "form[action*='handler=Role']");

        Assert.Equal([Roles.Editor], await factory.RolesOfAsync(adminEmail));
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.RoleChanged && e.Target == "user:" + adminEmail);
    }

    [Fact]
    public async Task ANewPasswordLink_LeavesTheCurrentPasswordWorking_UntilItIsUsed()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var email = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.FindUserAsync(email))!.Id;

        using var response = await admin.SubmitFormAsync($"/admin/users/edit/{id}", formSelector: "form[action*='handler=PasswordLink']");

        var link = new Uri((await response.ReadDocumentAsync()).QuerySelector(".secret")!.Text()).PathAndQuery;
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PasswordResetIssued && e.Target == "user:" + email);
        await factory.CreateClient().SignInAsync(email);

        var owner = factory.CreateClient();
        await owner.SubmitFormAsync(link, Html.Values(("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword)));
        using var old = await factory.CreateClient().SubmitSignInAsync(email);
        Assert.Contains("The email or password is not right.", (await old.ReadDocumentAsync()).ErrorSummary());
        await owner.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task ALockedOutAccount_IsShownAsSuch_AndAPasswordLinkLetsItsOwnerBackIn()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var email = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.FindUserAsync(email))!.Id;
        var owner = factory.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await owner.SubmitSignInAsync(email, "a wrong password " + i);
        }

        var account = await admin.GetDocumentAsync($"/admin/users/edit/{id}");
        Assert.Equal("Locked out after failed sign-ins", Definition(account, "Status"));
        var row = (await admin.GetDocumentAsync("/admin/users")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td a")!.Text() == email);
        Assert.Equal("Locked out", row.QuerySelector(".tag")!.Text());

        using var issued = await admin.SubmitAsync(account.Form("form[action*='handler=PasswordLink']"), $"/admin/users/edit/{id}");
        var link = new Uri((await issued.ReadDocumentAsync()).QuerySelector(".secret")!.Text()).PathAndQuery;
        using (await owner.SubmitFormAsync(link, Html.Values(("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword))))
        {
        }

        await owner.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task AnyoneSignedIn_CanChangeTheirOwnPassword_WithTheCurrentOne()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);

        using var wrong = await editor.SubmitFormAsync("/admin/account",
            Html.Values(("Input.CurrentPassword", "not my password"), ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword)));
        Assert.Equal("Your current password is not right.", (await wrong.ReadDocumentAsync()).FieldError("Input.CurrentPassword"));

        using var changed = await editor.SubmitFormAsync("/admin/account",
            Html.Values(("Input.CurrentPassword", TestAccounts.Password), ("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword)));

        Assert.Contains("Your password is changed.", (await changed.ReadDocumentAsync()).Status());
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PasswordReset && e.ActorName == email && e.Details == "changed by the owner");
        // The session goes on; the new password is the one that works from now on.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await editor.AssertOpensAsync("/admin/pages");
        using var old = await factory.CreateClient().SubmitSignInAsync(email);
        Assert.Contains("The email or password is not right.", (await old.ReadDocumentAsync()).ErrorSummary());
        await factory.CreateClient().SignInAsync(email, NewPassword);
    }

    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    /// <summary>The value beside a term in the account page's details list.</summary>
    private static string Definition(IHtmlDocument page, string term) =>
        page.QuerySelectorAll("main dl dt").Single(dt => dt.Text() == term).NextElementSibling!.Text();
}
