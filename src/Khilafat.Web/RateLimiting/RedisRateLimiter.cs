using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Khilafat.Web.RateLimiting;

/// <summary>
/// A sliding-window limit counted in Redis, so that it holds across every instance of the site: at most
/// <c>limit</c> permits in any <c>window</c>, for one key (a form and a client address). Each permit is a member of a
/// sorted set scored by Redis's own clock; a Lua script drops what left the window, counts and adds in one step.
/// When Redis does not answer, the same limit is counted in this process instead, and the site goes on.
/// </summary>
public sealed class RedisRateLimiter : RateLimiter
{
    // Returns 0 when a permit was taken, else the milliseconds until the oldest permit leaves the window.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], window)
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now)
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _key;
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly SlidingWindowRateLimiter _fallback;
    private readonly ILogger _logger;

    public RedisRateLimiter(IConnectionMultiplexer redis, string key, int limit, TimeSpan window, int segments, ILogger logger)
    {
        _redis = redis;
        _key = key;
        _limit = limit;
        _window = window;
        _logger = logger;
        _fallback = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit, Window = window, SegmentsPerWindow = segments, QueueLimit = 0,
        });
    }

    // The state is in Redis, so this limiter may be dropped when idle like any other (the fallback's idleness decides).
    public override TimeSpan? IdleDuration => _fallback.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => null;

    // The middleware tries this first and then waits on AcquireAsync; the answer is Redis's, which is asynchronous.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0) return Lease.Acquired;
        // Disconnected: count here at once, rather than wait for a command to time out.
        if (!_redis.IsConnected) return _fallback.AttemptAcquire(permitCount);
        try
        {
            var wait = await EvaluateAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return wait == 0 ? Lease.Acquired : Lease.Refused(TimeSpan.FromMilliseconds(wait));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _logger.LogWarning(e, "Rate limits fall back to this instance's own count: Redis does not answer.");
            return _fallback.AttemptAcquire(permitCount);
        }
    }

    // Not an async method, so that no async state machine of this assembly holds a Redis type: the types of the assembly
    // are all loaded at start-up (EF Core looks through them for migrations), and a site without Redis should not load
    // its client for that.
    private Task<long> EvaluateAsync() =>
        _redis.GetDatabase()
            .ScriptEvaluateAsync(Script, [_key], [(long)_window.TotalMilliseconds, _limit, Guid.NewGuid().ToString("N")])
            .ContinueWith(result => (long)result.GetAwaiter().GetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _fallback.Dispose();
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore() => await _fallback.DisposeAsync();

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
