using System.Text.RegularExpressions;
using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// After a session of sign-ins, failed sign-ins, password links, sign-ups and unsubscribes, nothing the app logged
/// holds a password, a link token, an anti-forgery token or a cookie. (The one deliberate exception is the first-run
/// setup link, logged only while no account exists, tested with the setup.)
/// </summary>
public partial class SecretsInLogsTests(PickupFolderFactory factory) : IClassFixture<PickupFolderFactory>
{
    [GeneratedRegex(@"(?:token|code)=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenInLink();

    [Fact]
    public async Task LogsHoldNoPasswordsTokensOrCookies()
    {
        const string secretPassword = "purple elephant umbrella 77";
        var email = await factory.CreateUserAsync(Roles.Admin, password: secretPassword);
        var client = factory.CreateClient();
        await client.SubmitFormAsync("/account/sign-in", Html.Values(("Input.Email", email), ("Input.Password", "wrong password guess 123")));
        await client.SignInAsync(email, secretPassword);
        var antiforgery = (await client.GetDocumentAsync("/admin/pages/create")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await client.SubmitFormAsync("/admin/users/create", Html.Values(("Input.Email", "new.editor@example.org"), ("Input.Role", "Editor")));
        await factory.CreateClient().SubmitFormAsync("/join", Html.Values(("Input.Email", "logs@example.org"), ("Input.Consent", "true")));

        var emails = await Poll.UntilAsync(
            () => Task.FromResult(Directory.Exists(factory.PickupFolder) ? Directory.GetFiles(factory.PickupFolder, "*.eml") : []),
            files => files.Length >= 2, "the new editor's and the subscriber's emails in the pickup folder");
        // Read as a mail program reads them: the files' bodies are in a transfer encoding (quoted-printable wraps lines).
        var tokens = emails.Select(f => MimeKit.MimeMessage.Load(f)).SelectMany(m => TokenInLink().Matches(m.TextBody + "\n" + m.HtmlBody).Select(x => x.Groups[1].Value))
            .Distinct().ToList();
        // The unsubscribe and confirmation tokens (43 characters) among them: the checks below have real tokens to look for.
        Assert.Contains(tokens, t => t.Length == 43);
        foreach (var token in tokens.Where(t => t.Length < 60)) await factory.CreateClient().GetAsync("/unsubscribe?token=" + token);
        var hashes = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Users.Select(u => u.PasswordHash).ToListAsync());

        var logs = string.Join("\n", factory.Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception}"));
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(secretPassword, logs);
        Assert.DoesNotContain("wrong password guess 123", logs);
        Assert.DoesNotContain(antiforgery, logs);
        foreach (var token in tokens) Assert.DoesNotContain(token, logs);
        foreach (var hash in hashes.Where(h => h is not null)) Assert.DoesNotContain(hash!, logs);
        Assert.DoesNotContain(".Khilafat.Auth=", logs);
    }
}
