using System.Net;
using System.Text.RegularExpressions;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Pages.Account;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.MailingList;

namespace Khilafat.Web.Tests.Admin;

/// <summary>"Forgot your password?" on the sign-in page: one answer for every email, a one-time link by email, limits per address and per IP.</summary>
public partial class ForgotPasswordTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    private const string NewPassword = "a brand new password for the site";

    /// <summary>Follows "Forgot your password?" from the sign-in page and submits the email; returns the page it ends on.</summary>
    private static async Task<(string LandedOn, string Status)> AskForALinkAsync(HttpClient client, string email)
    {
        var signIn = await client.GetDocumentAsync("/account/sign-in");
        var forgot = signIn.QuerySelectorAll("main a").Single(a => a.Text() == "Forgot your password?").GetAttribute("href")!;
        using var response = await client.SubmitFormAsync(forgot, Html.Values(("Email", email)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (AdminSite.LandedOn(response), (await response.ReadDocumentAsync()).Status());
    }

    private static string PasswordLink(MimeKit.MimeMessage message)
    {
        var match = ResetLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, message.TextBody);
        return match.Value;
    }

    [GeneratedRegex(@"https://localhost/account/reset-password\?\S+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task AnAccountsOwner_GetsAOneTimeLink_ThatSetsANewPassword_AndEndsTheirOtherSessions()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var (elsewhere, cookies) = factory.CreateClientWithCookieJar();
        await elsewhere.SignInAsync(email);
        var otherSession = cookies.CookieHeader(factory);
        var owner = factory.CreateClient();

        var (landedOn, status) = await AskForALinkAsync(owner, email);

        Assert.Equal("/account/forgot-password", landedOn);
        Assert.Contains(ForgotPasswordModel.Sent, status);
        var message = (await factory.WaitForEmailsToAsync(email)).Single();
        Assert.Equal("Set a new password for Khilafat Movement", message.Subject);
        var link = new Uri(PasswordLink(message)).PathAndQuery;
        Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PasswordResetIssued && e.Target == "user:" + email);

        using var set = await owner.SubmitFormAsync(link, Html.Values(("Input.Password", NewPassword), ("Input.ConfirmPassword", NewPassword)));
        Assert.Equal("/account/sign-in", AdminSite.LandedOn(set));
        Assert.Contains("Your password is set.", (await set.ReadDocumentAsync()).QuerySelector("main")!.Text());

        // The session signed in before is over, the link works once, and the new password signs in.
        using (var copied = await factory.GetWithCookiesAsync("/admin", otherSession))
            Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Assert.StartsWith("/account/sign-in", AdminSite.LandedOn(await elsewhere.GetAsync("/admin")));
        var again = await factory.CreateClient().GetDocumentAsync(link);
        Assert.Contains("This link has expired or has been used already.", again.QuerySelector("main")!.Text());
        Assert.Null(again.QuerySelector("main form"));
        await owner.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task AnUnknownEmail_GetsTheSameAnswer_AndNoEmailIsQueued()
    {
        var known = await factory.CreateUserAsync(Roles.Editor);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";

        var forKnown = await AskForALinkAsync(factory.CreateClient(), known);
        var forUnknown = await AskForALinkAsync(factory.CreateClient(), unknown);

        Assert.Equal(forKnown, forUnknown);
        Assert.Empty(await factory.OutboxToAsync(unknown));
        Assert.Single(await factory.OutboxToAsync(known));
        // Written as the known address's ask is, so that neither answers sooner; the admins see someone tried.
        var entry = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PasswordResetNotSent && e.ActorName == unknown);
        Assert.Equal("no such account; asked for on the sign-in page", entry.Details);
    }

    [Fact]
    public async Task ADisabledAccount_GetsTheSameAnswer_AndNoLink()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.FindUserAsync(email))!.Id;
        await factory.WithScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<UserAdministration>(sp).SetDisabledAsync(id, true, Actor.System));

        var (_, status) = await AskForALinkAsync(factory.CreateClient(), email);

        Assert.Contains(ForgotPasswordModel.Sent, status);
        Assert.Empty(await factory.OutboxToAsync(email));
    }

    [Fact]
    public async Task AnAccount_IsSentAtMostThreeLinksAnHour_ThoughEveryAskGetsTheSameAnswer()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);

        for (var ask = 0; ask < 5; ask++)
        {
            var (_, status) = await AskForALinkAsync(factory.CreateClient(), email);
            Assert.Contains(ForgotPasswordModel.Sent, status);
        }
        Assert.Equal(3, (await factory.OutboxToAsync(email)).Count);
        Assert.Equal(2, (await factory.AuditEntriesAsync()).Count(e => e.Action == AuditActions.PasswordResetNotSent && e.Target == "user:" + email
            && e.Details == "3 links sent within the hour already; asked for on the sign-in page"));

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await AskForALinkAsync(factory.CreateClient(), email);
        Assert.Equal(4, (await factory.OutboxToAsync(email)).Count);
    }

    [Fact]
    public async Task AMalformedEmail_IsShownBesideTheField()
    {
        using var response = await factory.CreateClient().SubmitFormAsync("/account/forgot-password", Html.Values(("Email", "not an email")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter an email address like name@example.org.", (await response.ReadDocumentAsync()).FieldError("Email"));
    }

    [Fact]
    public async Task AnAddressAskingTooOften_Gets429()
    {
        await using var limited = new LowSignInLimitFactory();
        var client = limited.CreateClient();
        for (var ask = 0; ask < 2; ask++)
        {
            using var allowed = await client.SubmitFormAsync("/account/forgot-password", Html.Values(("Email", $"someone-{ask}@example.org")));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitFormAsync("/account/forgot-password", Html.Values(("Email", "someone-else@example.org")));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    private sealed class LowSignInLimitFactory : MailSiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Append(new("RateLimits:SignIn", "2"));
    }
}
