using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>What arrived at the SMTP server, read as a mail program would with MimeKit.</summary>
public static class Mailbox
{
    public static MimeMessage Parse(SmtpMessage message) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(message.Data)));

    /// <summary>Every message received so far addressed to <paramref name="address"/>.</summary>
    public static IReadOnlyList<MimeMessage> MessagesTo(this SimpleSmtpServer smtp, string address) =>
        smtp.Received().Select(Parse).Where(m => m.To.Mailboxes.Any(to => to.Address == address)).ToList();

    /// <summary>
    /// What the server has received so far. netDumbster copies its list of messages without a lock, so a copy taken
    /// while a message arrives can throw; it is taken again then (a few times at most).
    /// </summary>
    public static SmtpMessage[] Received(this SimpleSmtpServer smtp)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return smtp.ReceivedEmail;
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException && attempt < 5)
            {
            }
        }
    }

    /// <summary>
    /// Waits (bounded) until at least <paramref name="count"/> messages to <paramref name="address"/> have reached the
    /// site's SMTP server. Should a delivery attempt fail on the way (a busy test machine can make the server answer
    /// slowly), time is moved on to its retry, as it would pass for a real site.
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForEmailsToAsync(this MailSiteFactory factory, string address, int count = 1) =>
        await Poll.UntilAsync(async () =>
        {
            await factory.LetRetriesComeAsync(address);
            return factory.Smtp.MessagesTo(address);
        }, m => m.Count >= count, $"{count} email(s) to {address}");

    /// <summary>Waits (bounded) for the first message to <paramref name="address"/> written to a pickup folder as an .eml file.</summary>
    public static async Task<MimeMessage> WaitForEmailInFolderAsync(string folder, string address) =>
        (await Poll.UntilAsync(async () =>
        {
            foreach (var file in (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []).Order())
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(to => to.Address == address)) return message;
            }
            return null;
        }, message => message is not null, $"an email to {address} in {folder}"))!;

    public static string ConfirmLink(this MimeMessage message) => LinkTo(message, "/join/confirm");

    public static string UnsubscribeLink(this MimeMessage message) => LinkTo(message, "/unsubscribe");

    /// <summary>The address in the List-Unsubscribe header, without its angle brackets.</summary>
    public static string OneClickLink(this MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        Assert.False(string.IsNullOrEmpty(header), "The email has no List-Unsubscribe header.");
        var match = Regex.Match(header, "^<(https://[^>]+)>$");
        Assert.True(match.Success, $"List-Unsubscribe is not one <https://...> address: {header}");
        return match.Groups[1].Value;
    }

    /// <summary>The one link in the plain-text body that goes to <paramref name="path"/> (with its token), such as /ur/join/confirm.</summary>
    public static string LinkTo(this MimeMessage message, string path)
    {
        Assert.False(string.IsNullOrEmpty(message.TextBody), "The email has no plain-text body.");
        var links = Regex.Matches(message.TextBody, @"https://\S+").Select(m => m.Value)
            .Where(url => new Uri(url).AbsolutePath == path).Distinct().ToList();
        Assert.True(links.Count == 1, $"Expected one link to {path} in the email, found {links.Count}: {message.TextBody}");
        return links[0];
    }

    /// <summary>"https://localhost/x?token=y" as "/x?token=y", for the test client.</summary>
    public static string PathAndQuery(string url) => new Uri(url).PathAndQuery;

    public static string? TokenOf(string url) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query).TryGetValue("token", out var token) ? token.ToString() : null;
}

/// <summary>What visitors do on the site, through its real forms.</summary>
public static class Visitor
{
    /// <summary>A new address nobody has used, with a recognisable start.</summary>
    public static string NewAddress(string name = "reader") => $"{name}.{Guid.NewGuid().ToString("N")[..12]}@example.org";

    /// <summary>Fills in /join and sends it (consent ticked unless told otherwise).</summary>
    public static Task<HttpResponseMessage> SignUpAsync(this HttpClient client, string email, string? name = null, string? country = null, bool consent = true) =>
        client.SubmitFormAsync("/join", SignUpValues(email, name, country, consent));

    public static Dictionary<string, string> SignUpValues(string email, string? name = null, string? country = null, bool consent = true)
    {
        var values = Html.Values(("Input.Email", email), ("Input.Name", name ?? ""), ("Input.Country", country ?? ""));
        if (consent) values["Input.Consent"] = "true";
        return values;
    }

    /// <summary>Signs up and checks the visitor lands on the thanks page.</summary>
    public static async Task<IHtmlDocument> SignUpAndSeeThanksAsync(this HttpClient client, string email, string? name = null, string? country = null)
    {
        using var response = await client.SignUpAsync(email, name, country);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == "/join/thanks",
            $"Signing up {email} ended on {response.RequestMessage!.RequestUri!.AbsolutePath} ({(int)response.StatusCode}): {Html.Shorten(body)}");
        return Html.Parse(body);
    }

    /// <summary>Signs up, waits for the confirmation email and presses the button on its link's page.</summary>
    public static async Task<MimeMessage> SignUpAndConfirmAsync(this HttpClient client, MailSiteFactory factory, string email, string? name = null, string? country = null)
    {
        await client.SignUpAndSeeThanksAsync(email, name, country);
        var message = (await factory.WaitForEmailsToAsync(email)).Single();
        var link = Mailbox.PathAndQuery(message.ConfirmLink());
        using var confirmed = await client.SubmitFormAsync(link);
        Assert.Equal("/join/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(email))!.Status);
        return message;
    }

    /// <summary>The path the response finally came from, after redirects, without its query (<see cref="AdminSite.LandedOn"/> keeps it).</summary>
    public static string LandedOnPath(this HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;
}

/// <summary>Reads the site's database as it is now, for what the tests assert was (or was not) stored.</summary>
public static class Stored
{
    public static Task<Subscriber?> SubscriberAsync(this SiteFactory factory, string email) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == email));

    public static Task<int> SubscriberCountAsync(this SiteFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.CountAsync());

    public static Task<int> OutboxCountAsync(this SiteFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.CountAsync());

    public static Task<List<OutboxMessage>> OutboxToAsync(this SiteFactory factory, string email) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    public static Task<List<AuditEntry>> AuditAsync(this SiteFactory factory, string action) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    /// <summary>
    /// Waits (bounded) until every message to <paramref name="email"/> has left the queue (sent or failed), letting
    /// the time for a retry come should an attempt fail on the way (see <see cref="LetRetriesComeAsync"/>).
    /// </summary>
    public static Task<List<OutboxMessage>> WaitUntilDeliveredAsync(this SiteFactory factory, string email, int count = 1) =>
        Poll.UntilAsync(async () =>
        {
            await factory.LetRetriesComeAsync(email);
            return await factory.OutboxToAsync(email);
        }, m => m.Count >= count && m.All(x => x.Status != OutboxStatus.Queued), $"{count} outbox message(s) to {email} to be sent");

    /// <summary>
    /// When a message to <paramref name="email"/> waits for a retry after a failed attempt, moves the app's clock to
    /// that retry and wakes the sender: on a real site that time simply passes. For tests where the server is up,
    /// never for tests of the retries themselves.
    /// </summary>
    public static async Task LetRetriesComeAsync(this SiteFactory factory, string email)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var retry = (await factory.OutboxToAsync(email))
            .Where(m => m.Status == OutboxStatus.Queued && m.Attempts > 0 && m.NextAttemptAt > now)
            .Select(m => (DateTime?)m.NextAttemptAt).Min();
        if (retry is { } at)
        {
            factory.Clock.Advance(at - now);
            factory.WakeSender();
        }
    }

    /// <summary>
    /// Runs one round of the app's own outbox sender now and waits for it: after it, whatever was due has been tried.
    /// For checking that nothing is sent (nothing due), without sleeping.
    /// </summary>
    public static Task<bool> RunSenderRoundAsync(this SiteFactory factory) =>
        factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutboxSender>().Single().SendDueAsync(CancellationToken.None);

    /// <summary>Wakes the background sender now instead of at its next poll.</summary>
    public static void WakeSender(this SiteFactory factory) => factory.Services.GetRequiredService<OutboxSignal>().Wake();
}
