using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Khilafat.Web.Health;

/// <summary>
/// Redis answers PING. When it does not, the site is Degraded, not down (pages are rendered afresh and rate limits
/// count per instance until it is back), so a load balancer keeps sending visitors.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!redis.IsConnected) return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected.");
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer.", e);
        }
    }
}
