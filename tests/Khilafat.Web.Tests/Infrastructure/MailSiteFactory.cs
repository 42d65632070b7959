using System.Globalization;
using System.Net;
using Khilafat.Web.Accounts;
using netDumbster.smtp;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The site with its mail going to a real SMTP server (netDumbster) on loopback, polling the outbox every 100 ms.
/// Requests come from a fixed documentation address (203.0.113.7) unless a test names another in the
/// <see cref="SiteFactory.ClientAddressHeader"/> header, as a browser behind its own IP would; the rate limits are
/// raised far out of the way (as on every test site), except where a factory lowers one to test it.
/// </summary>
public class MailSiteFactory : SiteFactory
{
    public static readonly IPAddress DefaultClientAddress = IPAddress.Parse("203.0.113.7");

    private SimpleSmtpServer? _smtp;
    private readonly Lock _editorLock = new();
    private Task<(HttpClient Client, string Email)>? _editor;
    private Task<(HttpClient Client, string Email)>? _admin;

    public MailSiteFactory() : this(startSmtpServer: true)
    {
    }

    /// <param name="startSmtpServer">False: a free loopback port is chosen but nothing listens on it until <see cref="StartSmtpServer"/>.</param>
    protected MailSiteFactory(bool startSmtpServer)
    {
        if (startSmtpServer)
        {
            _smtp = LoopbackSmtp.Start();
            SmtpPort = _smtp.Configuration.Port;
        }
        else
        {
            SmtpPort = Ports.FreeLoopback();
        }
    }

    public int SmtpPort { get; }

    /// <summary>The SMTP server the site delivers to.</summary>
    public SimpleSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("No SMTP server is listening yet: call StartSmtpServer().");

    /// <summary>Starts the SMTP server on <see cref="SmtpPort"/> (the mail server coming back up).</summary>
    public SimpleSmtpServer StartSmtpServer()
    {
        if (_smtp is not null) throw new InvalidOperationException("The SMTP server is running already.");
        return _smtp = LoopbackSmtp.Start(SmtpPort);
    }

    /// <summary>
    /// One editor, signed in through the real form once and shared by a class's tests (signing in hashes a password,
    /// which is slow on purpose).
    /// </summary>
    public Task<(HttpClient Client, string Email)> EditorAsync()
    {
        lock (_editorLock) return _editor ??= this.SignedInClientAsync(Roles.Editor);
    }

    /// <summary>One admin, signed in once and shared by a class's tests, like <see cref="EditorAsync"/>.</summary>
    public Task<(HttpClient Client, string Email)> AdminAsync()
    {
        lock (_editorLock) return _admin ??= this.SignedInClientAsync(Roles.Admin);
    }

    /// <summary>Null: no SMTP host configured. The pickup factory sets a folder instead.</summary>
    protected virtual string? SmtpHost => "127.0.0.1";
    protected virtual string? PickupDirectory => null;
    protected virtual int MaxAttempts => 8;
    protected virtual int SignUpsPerWindow => 100_000;

    /// <summary>How long a database command may wait (for SQLite's write lock, or a PostgreSQL lock) before failing (the app's default when null: 30 s).</summary>
    protected virtual int? CommandTimeoutSeconds => null;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Email:Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Email:Smtp:UseStartTls"] = "false",
                ["Email:Smtp:Timeout"] = "00:00:15",
                ["Email:PollInterval"] = "00:00:00.100",
                ["Email:RetryDelay"] = "00:00:01",
                ["Email:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
                ["RateLimits:SignUps"] = SignUpsPerWindow.ToString(CultureInfo.InvariantCulture),
            };
            if (CommandTimeoutSeconds is { } timeout)
                settings["ConnectionStrings:Default"] = $"{ConnectionString};{(Provider == Khilafat.Web.Options.DatabaseProvider.Postgres ? "Command Timeout" : "Default Timeout")}={timeout}";
            if (SmtpHost is not null) settings["Email:Smtp:Host"] = SmtpHost;
            if (PickupDirectory is not null) settings["Email:PickupDirectory"] = PickupDirectory;
            return settings;
        }
    }

    protected override IPAddress ClientAddress => DefaultClientAddress;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _smtp?.Stop();
        _smtp?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The mail server is down: the SMTP port is chosen, but nothing listens there until the test starts it. Three tries at most.</summary>
public class MailServerDownFactory() : MailSiteFactory(startSmtpServer: false)
{
    protected override int MaxAttempts => 3;
}

/// <summary>No SMTP at all: messages go to a pickup folder as .eml files.</summary>
public class PickupFolderFactory() : MailSiteFactory(startSmtpServer: false)
{
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "khilafat-tests-pickup", Guid.NewGuid().ToString("N"));

    protected override string? SmtpHost => null;
    protected override string? PickupDirectory => PickupFolder;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(PickupFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A new site whose database commands give up on a held write lock after a second (plus SQLite's own 5 s busy wait)
/// instead of 30 s, so a test that meets a lock held by the request itself fails in seconds.
/// </summary>
public class QuickLockTimeoutFactory : MailSiteFactory
{
    protected override int? CommandTimeoutSeconds => 1;
}

/// <summary>Three sign-ups per address per window, to see the limit.</summary>
public class LowSignUpLimitFactory : MailSiteFactory
{
    public const int Limit = 3;
    protected override int SignUpsPerWindow => Limit;
}
