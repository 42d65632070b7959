using System.Threading.RateLimiting;
using Khilafat.Web.Options;
using Khilafat.Web.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Khilafat.Web.Startup;

/// <summary>
/// Per-IP limits on the public forms, from ASP.NET Core's rate limiter. Beyond a limit: a 429 page in the site's
/// layout. Counted in this process, or in Redis when it is configured, so that they hold across instances.
/// </summary>
public static class RateLimits
{
    private const int Segments = 10;

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var inRedis = RedisSetup.Configuration(configuration) is not null;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.SignIn, context => PostsPerAddress(context, RateLimitPolicies.SignIn, o => o.SignIn, inRedis));
            options.AddPolicy(RateLimitPolicies.Testimonials, context => PostsPerAddress(context, RateLimitPolicies.Testimonials, o => o.Testimonials, inRedis));
            options.AddPolicy(RateLimitPolicies.SignUps, context => PostsPerAddress(context, RateLimitPolicies.SignUps, o => o.SignUps, inRedis));
            options.AddPolicy(RateLimitPolicies.Links, context => PostsPerAddress(context, RateLimitPolicies.Links, o => o.Links, inRedis));
            options.AddPolicy(RateLimitPolicies.Rsvps, context => PostsPerAddress(context, RateLimitPolicies.Rsvps, o => o.Rsvps, inRedis));
            options.AddPolicy(RateLimitPolicies.Petitions, context => PostsPerAddress(context, RateLimitPolicies.Petitions, o => o.Petitions, inRedis));
            options.OnRejected = (context, _) =>
            {
                // A sliding window frees a segment at a time; without the limiter's own figure, a segment is the honest wait.
                var window = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window / Segments;
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
        if (inRedis) return InRedis(context.RequestServices, $"{policy}:{address}", limit(options), options.Window);
        return RateLimitPartition.GetSlidingWindowLimiter($"{policy}:{address}", _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit(options),
            Window = options.Window,
            SegmentsPerWindow = Segments,
            QueueLimit = 0,
        });
    }

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
