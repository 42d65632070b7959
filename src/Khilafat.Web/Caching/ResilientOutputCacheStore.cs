using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Khilafat.Web.Caching;

/// <summary>
/// An output cache store that treats Redis being away as a miss: while it is disconnected, at once (without waiting
/// for a command to time out), and when a command fails, logging that at most once a minute.
/// </summary>
public sealed class ResilientOutputCacheStore(IOutputCacheStore inner, IConnectionMultiplexer redis, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheStore, IDisposable
{
    private long _lastLoggedTicks;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) { Failed(null); return null; }
        try { return await inner.GetAsync(key, cancellationToken); }
        catch (Exception e) when (e is RedisException or TimeoutException) { Failed(e); return null; }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return;
        try { await inner.SetAsync(key, value, tags, validFor, cancellationToken); }
        catch (Exception e) when (e is RedisException or TimeoutException) { Failed(e); }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            logger.LogError("The output cache (Redis) is not connected, so {Tag} could not be evicted: pages cached before this change may show until they expire.", tag);
            return;
        }
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The change is saved; pages cached before it may show until they expire (an hour at most).
            logger.LogError(e, "The output cache could not evict {Tag}: pages cached before this change may show until they expire.", tag);
        }
    }

    private void Failed(Exception? e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastLoggedTicks);
        if (now - last < 60_000 && last != 0) return;
        if (Interlocked.CompareExchange(ref _lastLoggedTicks, now, last) == last)
            logger.LogWarning(e, "The output cache (Redis) does not answer: pages are rendered afresh until it does.");
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
