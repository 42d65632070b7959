using Khilafat.Web.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>The site's connection string: its SQLite file, or its PostgreSQL database.</summary>
    public string ConnectionString { get; }

    // A restart on the same data folder finds its PostgreSQL database named here.
    private const string PostgresDatabaseFile = "postgres-database.txt";
    public ManualTimeProvider Clock { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>
    /// Site:PublicUrl, which the site needs outside Development: https://localhost, where the test client talks to it.
    /// Null leaves it unset.
    /// </summary>
    protected virtual string? PublicUrl => "https://localhost";

    /// <summary>Extra configuration, as a test class needs it (keys as in appsettings.json, ":" separated).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        if (Provider == DatabaseProvider.Postgres) File.WriteAllText(Path.Combine(DataDirectory, PostgresDatabaseFile), ConnectionString);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        // Tests run the build output, whose asset manifest turns off caching headers unless told otherwise; the
        // published app sends them as the manifest says, and so should the app under test.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        // Every request of a test comes from one address; the limits are tested by classes that set them low.
        foreach (var limit in new[] { "SignIn", "Testimonials", "SignUps", "Links" }) builder.UseSetting("RateLimits:" + limit, "100000");
        if (PublicUrl is not null) builder.UseSetting("Site:PublicUrl", PublicUrl);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, LoopbackClientAddress>();
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

/// <summary>The test server gives requests no client address; real ones have one. Give them the loopback address, as a browser on this machine would have.</summary>
internal sealed class LoopbackClientAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    // Whole microseconds, as PostgreSQL keeps times, so a time read back equals the time written.
    private DateTimeOffset _now = new(DateTimeOffset.UtcNow.Ticks / 10 * 10, TimeSpan.Zero);
    private readonly Lock _lock = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }
}

/// <summary>Keeps every log message the app writes, so tests can assert what was logged (and what never is).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyCollection<LogRecord> Records => _records.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _records);

    public void Dispose()
    {
    }

    public sealed record LogRecord(string Category, LogLevel Level, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (records.Count < 20_000) records.Enqueue(new LogRecord(category, logLevel, formatter(state, exception), exception));
        }
    }
}
