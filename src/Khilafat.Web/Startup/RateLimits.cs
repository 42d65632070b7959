using System.Threading.RateLimiting;
using Khilafat.Web.Options;
using Khilafat.Web.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Khilafat.Web.Startup;

/// <summary>
/// Per-IP limits on form submissions, from ASP.NET Core's rate limiter. The sign-in and link pages name a policy and
/// the middleware answers beyond it with a 429 page in the site's layout; the public forms take their permits from
/// <see cref="FormRateLimiter"/> after validation instead, so a refusal keeps what the person typed. Counted in this
/// process, or in Redis when it is configured, so that they hold across instances.
/// </summary>
public static class RateLimits
{
    /// <summary>The segments of every sliding window the limits count in: the middleware's, Redis's and the forms' own.</summary>
    internal const int Segments = 10;

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var inRedis = RedisSetup.Configuration(configuration) is not null;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton(provider => new FormRateLimiter(provider, provider.GetRequiredService<IOptions<RateLimitOptions>>(),
            provider.GetRequiredService<Khilafat.Web.Privacy.SiteKeys>(), provider.GetRequiredService<TimeProvider>(), inRedis));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.SignIn, context => PostsPerAddress(context, RateLimitPolicies.SignIn, o => o.SignIn, inRedis));
            options.AddPolicy(RateLimitPolicies.Links, context => PostsPerAddress(context, RateLimitPolicies.Links, o => o.Links, inRedis));
            options.OnRejected = (context, _) =>
            {
                var window = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                var retryAfter = RetryAfter(context.Lease, window);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    // Reading a form is free; only submitting it counts.
    private static RateLimitPartition<string> PostsPerAddress(HttpContext context, string policy, Func<RateLimitOptions, int> limit, bool inRedis)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            return RateLimitPartition.GetNoLimiter("read");
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var address = AddressKey(context.Connection.RemoteIpAddress);
        return SlidingWindow(context.RequestServices, $"{policy}:{address}", limit(options), options.Window, inRedis);
    }

    /// <summary>
    /// The partition of one key: a sliding window of <paramref name="limit"/> permits, counted in Redis when the site
    /// has one (so the limit holds across instances), else in this process. The middleware's policies and
    /// <see cref="FormRateLimiter"/> count the same way.
    /// </summary>
    public static RateLimitPartition<string> SlidingWindow(IServiceProvider services, string key, int limit, TimeSpan window, bool inRedis)
    {
        if (inRedis) return InRedis(services, key, limit, window);
        return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            SegmentsPerWindow = Segments,
            QueueLimit = 0,
        });
    }

    /// <summary>The honest wait after a refusal: the limiter's own figure, else one segment of the window (a sliding window frees a segment at a time).</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan window) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window / Segments;

    /// <summary>
    /// Who a limit counts: an IPv4 address, or an IPv6 address's /64. One IPv6 subscriber is given a whole /64 (and
    /// can use any of its 2^64 addresses), so counting single IPv6 addresses would be no limit at all.
    /// </summary>
    public static string AddressKey(System.Net.IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    // Never inlined: a site without Redis does not load its client's assemblies.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static RateLimitPartition<string> InRedis(IServiceProvider services, string partition, int limit, TimeSpan window) =>
        RateLimitPartition.Get(partition, key => new RedisRateLimiter(
            services.GetRequiredService<IConnectionMultiplexer>(), services.GetRequiredService<IOptions<RedisOptions>>().Value.InstanceName + "ratelimit:" + key,
            limit, window, Segments, services.GetRequiredService<ILogger<RedisRateLimiter>>()));
}
