using System.Net;
using Khilafat.Web.Options;
using Khilafat.Web.TestHosts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The real app on its own database (a temporary SQLite file, or a new PostgreSQL database when the suite runs on
/// PostgreSQL: see <see cref="TestDatabase"/>), with a clock the test can move and a log it can read.
/// One per test class (IClassFixture), so classes run in parallel without sharing data.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public SiteFactory() : this(null)
    {
    }

    /// <param name="dataDirectory">
    /// An existing data folder to run on (a restart: on PostgreSQL the folder names the database), which is left in
    /// place for <see cref="DeleteDataAsync"/>; a new temporary one when null.
    /// </param>
    /// <param name="provider">The database to run on; the suite's (see <see cref="TestDatabase"/>) when null.</param>
    protected SiteFactory(string? dataDirectory, DatabaseProvider? provider = null)
    {
        Provider = provider ?? TestDatabase.Provider;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        _ownsDataDirectory = dataDirectory is null;
        ConnectionString = Provider == DatabaseProvider.Postgres
            ? dataDirectory is not null && File.Exists(Path.Combine(dataDirectory, PostgresDatabaseFile))
                ? File.ReadAllText(Path.Combine(dataDirectory, PostgresDatabaseFile))
                : TestDatabase.NewPostgresDatabase()
            : $"Data Source={DatabasePath}";
        // The site marks its cookies Secure outside Development, as in production: talk to it over https.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    private readonly bool _ownsDataDirectory;

    public string DataDirectory { get; }
    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file (when the site runs on SQLite).</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "site.db");

    /// <summary>Where the site's media store keeps image files.</summary>
    public string MediaDirectory => Path.Combine(DataDirectory, "media");

    /// <summary>The site's connection string: its SQLite file, or its PostgreSQL database.</summary>
    public string ConnectionString { get; }

    // A restart on the same data folder finds its PostgreSQL database named here.
    private const string PostgresDatabaseFile = "postgres-database.txt";

    /// <summary>The app's clock: it stands still until a test moves it, from now in whole microseconds (as PostgreSQL keeps times, so a time read back equals the time written).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / 10 * 10, TimeSpan.Zero));

    /// <summary>
    /// Moves the clock to 01:00 UTC of the next day, so that a test counting what happens "in a day" does not cross
    /// midnight (the clock starts at the real time, which may be 23:50).
    /// </summary>
    public void StartOfANewUtcDay()
    {
        var now = Clock.GetUtcNow();
        Clock.Advance(now.UtcDateTime.Date.AddDays(1).AddHours(1) - now.UtcDateTime);
    }

    /// <summary>Every log message the app writes, so tests can assert what was logged (and what never is).</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>The header in which a test names the client address of a request, as a browser behind its own IP would have.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>The client address of requests that name none: the loopback address, as a browser on this machine would have.</summary>
    protected virtual IPAddress ClientAddress => IPAddress.Loopback;

    /// <summary>
    /// Site:PublicUrl, which the site needs outside Development: https://localhost, where the test client talks to it.
    /// Null leaves it unset.
    /// </summary>
    protected virtual string? PublicUrl => "https://localhost";

    /// <summary>Extra configuration, as a test class needs it (keys as in appsettings.json, ":" separated).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>
    /// False for a site that makes its own key-encryption certificate on its new SQLite folder; by default it finds
    /// the test process's shared one there (see <see cref="SharedKeyEncryption"/>).
    /// </summary>
    protected virtual bool UsesSharedCertificate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        if (Provider == DatabaseProvider.Sqlite && _ownsDataDirectory && UsesSharedCertificate) SharedKeyEncryption.CopyInto(DataDirectory);
        if (Provider == DatabaseProvider.Postgres) File.WriteAllText(Path.Combine(DataDirectory, PostgresDatabaseFile), ConnectionString);
        builder.UseEnvironment("Testing");
        // As in Development (dotnet run): a scoped service taken from the root provider fails here too, not only there.
        builder.UseDefaultServiceProvider(options => options.ValidateScopes = true);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        // Tests run the build output, whose asset manifest turns off caching headers unless told otherwise; the
        // published app sends them as the manifest says, and so should the app under test.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        // Every request of a test comes from one address; the limits are tested by classes that set them low.
        foreach (var limit in new[] { "SignIn", "Testimonials", "SignUps", "Links", "Rsvps", "Petitions", "PerEmail" }) builder.UseSetting("RateLimits:" + limit, "100000");
        if (PublicUrl is not null) builder.UseSetting("Site:PublicUrl", PublicUrl);
        // The list's pace runs on the site's clock, which tests hold still: unlimited, except where a test sets it.
        builder.UseSetting("Sending:PerSecond", "0");
        // Jobs are looked for often, so a test that schedules one and advances the clock sees it run soon.
        builder.UseSetting("Jobs:PollInterval", "00:00:00.200");
        // Each site's images in its own data folder, deleted with it.
        builder.UseSetting("Media:Directory", MediaDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressStartupFilter(ClientAddress));
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        });
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A client that does not follow redirects, so a test can see them. Like every client, it talks https.</summary>
    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>Runs code against the app's own services (its DbContext, its services) in a fresh scope.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) =>
        WithScopeAsync<object?>(async sp => { await action(sp); return null; });

    /// <summary>Deletes a data folder given to restarted sites, and the PostgreSQL database it names.</summary>
    public static async Task DeleteDataAsync(string dataDirectory)
    {
        SqliteConnection.ClearAllPools();
        var named = Path.Combine(dataDirectory, PostgresDatabaseFile);
        if (File.Exists(named)) await TestDatabase.DropPostgresDatabaseAsync(await File.ReadAllTextAsync(named));
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDataDirectory)
        {
            if (Provider == DatabaseProvider.Postgres) await TestDatabase.DropPostgresDatabaseAsync(ConnectionString);
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The site on PostgreSQL whichever pass of the suite this is, for tests of what only PostgreSQL does.</summary>
public class PostgresSiteFactory() : SiteFactory(null, DatabaseProvider.Postgres);

/// <summary>
/// The test server gives requests no client address; real ones have one. Gives each request the address a test names in
/// <see cref="SiteFactory.ClientAddressHeader"/>, else the one it has (on Kestrel), else the factory's default.
/// </summary>
internal sealed class ClientAddressStartupFilter(IPAddress defaultAddress) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress =
                context.Request.Headers.TryGetValue(SiteFactory.ClientAddressHeader, out var value) && IPAddress.TryParse(value, out var named)
                    ? named
                    : context.Connection.RemoteIpAddress ?? defaultAddress;
            return nextMiddleware(context);
        });
        next(app);
    };
}
