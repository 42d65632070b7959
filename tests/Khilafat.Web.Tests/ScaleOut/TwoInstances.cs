using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace Khilafat.Web.Tests.ScaleOut;

/// <summary>
/// Two processes of the built site, A and B, as behind a load balancer: one new PostgreSQL database, one Redis (with
/// keys of their own), one SMTP server (netDumbster on loopback). Both are started at the same moment, on a database
/// that does not exist yet, with the first admin in their configuration.
/// </summary>
public sealed partial class TwoInstances : IAsyncDisposable
{
    public const string AdminEmail = "first-admin@example.org";
    public const string AdminPassword = "the first admin's long password";

    private readonly Dictionary<string, string> _settings;

    private TwoInstances(Dictionary<string, string> settings, SimpleSmtpServer smtp, string connectionString)
    {
        _settings = settings;
        Smtp = smtp;
        ConnectionString = connectionString;
    }

    public SimpleSmtpServer Smtp { get; }
    public string ConnectionString { get; }
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;

    /// <summary>Starts A and B together; <paramref name="settings"/> adds or overrides environment settings of both.</summary>
    public static async Task<TwoInstances> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var smtp = LoopbackSmtp.Start();
        var connectionString = TestDatabase.NewPostgresDatabase();
        var all = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connectionString,
            ["Redis__Configuration"] = TestDatabase.RedisServer,
            ["Redis__InstanceName"] = $"khilafat-test-{Guid.NewGuid():N}:",
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = AdminPassword,
            // Plain http on loopback: the sign-in cookie may not be Secure here.
            ["Security__SecureCookies"] = "false",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__UseStartTls"] = "false",
            ["Email__Smtp__Timeout"] = "00:00:04",
            ["Email__ClaimTimeout"] = "00:00:10",
            ["Email__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Khilafat.Web.Email.OutboxSender"] = "Debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;

        var instances = new TwoInstances(all, smtp, connectionString);
        instances.A = AppProcess.Launch(all);
        instances.B = AppProcess.Launch(all);
        await Task.WhenAll(instances.A.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), instances.B.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));
        return instances;
    }

    /// <summary>What both instances have logged, for a failing test to show.</summary>
    public string Output => $"--- A ---\n{A.Output}\n--- B ---\n{B.Output}";

    /// <summary>A client of each instance sharing one cookie jar, as one browser sent now to A, now to B, by the load balancer.</summary>
    public (HttpClient A, HttpClient B) OneBrowser()
    {
        var cookies = new CookieContainer();
        return (Client(A.Address, cookies), Client(B.Address, cookies));
    }

    private static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Queues <paramref name="count"/> messages, each to its own address, in one transaction (as the site's outbox would hold them).</summary>
    public async Task<IReadOnlyList<string>> QueueMessagesAsync(int count)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var recipients = Enumerable.Range(0, count).Select(i => $"reader-{prefix}-{i}@example.org").ToList();
        await using var db = Context();
        var now = DateTime.UtcNow;
        db.OutboxMessages.AddRange(recipients.Select((to, i) => new OutboxMessage
        {
            Kind = "scale-test", To = to, Subject = $"Relief update {i}", TextBody = $"Update number {i}.", HtmlBody = $"<p>Update number {i}.</p>",
            Status = OutboxStatus.Queued, CreatedAt = now, NextAttemptAt = now,
        }));
        await db.SaveChangesAsync();
        return recipients;
    }

    public PostgresSiteDbContext Context() =>
        new(new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>How many messages an instance's log says it sent.</summary>
    public static int SentBy(AppProcess instance) => SentLine().Matches(instance.Output).Count;

    [GeneratedRegex(@"Email \d+ \(scale-test\) sent\.")]
    private static partial Regex SentLine();

    /// <summary>How many list messages (an update's send) an instance's log says it sent.</summary>
    public static int ListMailSentBy(AppProcess instance) => ListMailSentLine().Matches(instance.Output).Count;

    [GeneratedRegex($@"Email \d+ \({OutboxKinds.Update}\) sent\.")]
    private static partial Regex ListMailSentLine();

    /// <summary>Starts a third process with the same settings (a replacement for one that died).</summary>
    public AppProcess LaunchAnother() => AppProcess.Launch(_settings);

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Smtp.Stop();
        Smtp.Dispose();
        await TestDatabase.DropPostgresDatabaseAsync(ConnectionString);
    }
}
