using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The real app on its own temporary SQLite file, with a clock the test can move and a log it can read.
/// One per test class (IClassFixture), so classes run in parallel without sharing data.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public SiteFactory() : this(null)
    {
    }

    /// <summary>The app started again on the data folder of an earlier factory (a restart); the folder is left in place.</summary>
    public static SiteFactory Restart(string dataDirectory) => new(dataDirectory);

    /// <param name="dataDirectory">An existing data folder to run on; a new temporary one when null.</param>
    protected SiteFactory(string? dataDirectory)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        _ownsDataDirectory = dataDirectory is null;
        // The site marks its cookies Secure outside Development, as in production: talk to it over https.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    private readonly bool _ownsDataDirectory;

    public string DataDirectory { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "site.db");
    public string ConnectionString => $"Data Source={DatabasePath}";
    public ManualTimeProvider Clock { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Extra configuration, as a test class needs it (keys as in appsettings.json, ":" separated).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        // Tests run the build output, whose asset manifest turns off caching headers unless told otherwise; the
        // published app sends them as the manifest says, and so should the app under test.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        // Every request of a test comes from one address; the limits are tested by classes that set them low.
        foreach (var limit in new[] { "SignIn", "Testimonials", "SignUps", "Links" }) builder.UseSetting("RateLimits:" + limit, "100000");
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDataDirectory)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        GC.SuppressFinalize(this);
    }
}

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
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
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
