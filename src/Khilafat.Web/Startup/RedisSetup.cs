using System.Runtime.CompilerServices;
using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Health;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Khilafat.Web.Startup;

/// <summary>
/// Redis, when Redis:Configuration is set: the output cache lives there (a change on one instance evicts the pages of
/// every instance), the public forms' rate limits count there, and /healthz reports it. One connection serves all three.
/// Without it, the cache and the limits stay in each process's memory, which is right for a single instance.
/// </summary>
public static class RedisSetup
{
    /// <summary>Redis:Configuration, or null when Redis is not used.</summary>
    public static string? Configuration(IConfiguration configuration) =>
        configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static IServiceCollection AddSiteRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        if (Configuration(configuration) is { } redis) AddRedisServices(services, redis);
        return services;
    }

    // Apart, and never inlined, so that a site without Redis does not even load its client's assemblies (a few MB).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddRedisServices(IServiceCollection services, string redis)
    {
        ConfigurationOptions connection;
        try
        {
            connection = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Redis:Configuration (Redis__Configuration) is not a Redis configuration string: {e.Message}", e);
        }
        // Start even when Redis is down, and keep trying in the background: the site works without it meanwhile.
        connection.AbortOnConnectFail = false;
        services.AddSingleton<RedisConnectLog>();
        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(connection, sp.GetRequiredService<RedisConnectLog>()));

        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IConnectionMultiplexer, Microsoft.Extensions.Options.IOptions<RedisOptions>>((options, multiplexer, settings) =>
        {
            options.InstanceName = settings.Value.InstanceName;
            options.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer);
        });
        // The Redis store answers a failed call with an exception, which would turn a Redis outage into 500s: the
        // wrapper makes it a cache miss instead.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(sp => new ResilientOutputCacheStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore.ImplementationType!),
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded);
    }
}

public static class RedisStartup
{
    /// <summary>Connects to Redis now rather than in the first request that needs it; when it is down, says so and goes on.</summary>
    public static void ConnectRedis(this WebApplication app)
    {
        if (RedisSetup.Configuration(app.Configuration) is not null) Connect(app);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Connect(WebApplication app)
    {
        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Khilafat.Web.Redis");
        if (redis.IsConnected)
        {
            logger.LogInformation("Redis ready at {Endpoints}", string.Join(", ", redis.GetEndPoints().Select(e => e.ToString())));
            // The shared cache outlives the instances: after a database restored from a backup (stop, restore, start),
            // it would serve the pages the restore took back, a published name among them, for up to an hour.
            try
            {
                app.Services.GetRequiredService<IOutputCacheStore>().EvictPublicAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (RedisException e)
            {
                logger.LogWarning("The shared cache's pages could not be dropped at start ({Error}): they expire within the hour.", e.Message);
            }
        }
        else logger.LogWarning("Redis at {Endpoints} {Why}: the site starts, with its cache and rate limits in this process until it does.",
            string.Join(", ", redis.GetEndPoints().Select(e => e.ToString())),
            app.Services.GetRequiredService<RedisConnectLog>().PasswordRefused
                ? "refused the password in Redis__Configuration (password=...), and will until it is corrected"
                : "does not answer yet");
    }
}

/// <summary>
/// What the Redis client says as it first connects, read for one thing: whether the server refused the password. A
/// connection that fails looks the same from outside either way, and "does not answer" sends an operator looking
/// for a network fault. Nothing is kept of the lines themselves.
/// </summary>
public sealed class RedisConnectLog : TextWriter
{
    private volatile bool _passwordRefused;

    public bool PasswordRefused => _passwordRefused;

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void WriteLine(string? value) => Write(value);

    public override void Write(string? value)
    {
        if (value is not null && (value.Contains(nameof(ConnectionFailureType.AuthenticationFailure), StringComparison.Ordinal)
            || value.Contains("WRONGPASS", StringComparison.Ordinal) || value.Contains("NOAUTH", StringComparison.Ordinal)))
            _passwordRefused = true;
    }

    public override void Write(char value)
    {
    }
}
