using System.Collections.Concurrent;
using Khilafat.Web.Startup;

namespace Khilafat.Web.RateLimiting;

/// <summary>
/// The public forms' counts in this process, for many keys (a form and a network address, or a form and an email
/// address's keyed hash): at most a limit of permits in any window, counted as <c>SlidingWindowRateLimiter</c> counts
/// (the window in 10 segments; a permit comes back when its segment leaves the window).
/// <para>
/// Not a <c>PartitionedRateLimiter</c> of sliding windows, as the middleware's few per-address policies are: its
/// timer visits every partition ten times a second, and a per-email count keeps its partition for the whole window
/// (an hour), so every address that submitted in the last hour was visited ten times a second. Under the load test's
/// 700 sign-ups a second that timer was the site's busiest code after a minute (6% of its CPU), and growing with
/// every new address. Here a key costs nothing between its own submissions, and the keys whose permits have all come
/// back are dropped once a minute.
/// </para>
/// </summary>
public sealed class SlidingWindowCounts(TimeProvider clock)
{
    private const int Segments = RateLimits.Segments;
    private static readonly long SweepEvery = TimeSpan.FromMinutes(1).Ticks;

    private readonly ConcurrentDictionary<string, Counter> _counters = new();
    private long _nextSweep;

    /// <summary>How many keys are counted now (what a sweep has not dropped yet).</summary>
    public int Count => _counters.Count;

    /// <summary>
    /// Takes one permit of <paramref name="key"/>, whose counts are <paramref name="limit"/> in any
    /// <paramref name="window"/>: null when taken, else how long until one comes back.
    /// </summary>
    public TimeSpan? TryTake(string key, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        while (true)
        {
            var counter = _counters.GetOrAdd(key, static (_, w) => new Counter(w), window);
            lock (counter)
            {
                // Dropped by a sweep between the look-up and the lock: count in the counter that replaces it.
                if (counter.Dropped) continue;
                return counter.TryTake(now, limit);
            }
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery, due) != due) return;
        foreach (var (key, counter) in _counters)
        {
            lock (counter)
            {
                if (!counter.IsEmpty(now)) continue;
                counter.Dropped = true;
                _counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
            }
        }
    }

    /// <summary>One key's permits, by segment of its window; guarded by a lock on itself.</summary>
    private sealed class Counter(TimeSpan window)
    {
        private readonly long _segmentTicks = Math.Max(1, window.Ticks / Segments);
        private readonly int[] _taken = new int[Segments];
        private int _total;
        private long _segment = long.MinValue;

        public bool Dropped { get; set; }

        public TimeSpan? TryTake(long now, int limit)
        {
            Advance(now);
            if (_total < limit)
            {
                _taken[Slot(_segment)]++;
                _total++;
                return null;
            }
            // The oldest segment still holding permits leaves the window first.
            for (var s = _segment - Segments + 1; s <= _segment; s++)
                if (_taken[Slot(s)] > 0) return TimeSpan.FromTicks((s + Segments) * _segmentTicks - now);
            return TimeSpan.FromTicks(_segmentTicks); // a limit of 0: no permit ever comes back
        }

        public bool IsEmpty(long now)
        {
            Advance(now);
            return _total == 0;
        }

        // Moves the window to the segment of now, giving back the permits of the segments it leaves.
        private void Advance(long now)
        {
            var segment = now / _segmentTicks;
            if (segment <= _segment) return;
            if (_segment == long.MinValue || segment - _segment >= Segments)
            {
                Array.Clear(_taken);
                _total = 0;
            }
            else
            {
                for (var s = _segment + 1; s <= segment; s++)
                {
                    _total -= _taken[Slot(s)];
                    _taken[Slot(s)] = 0;
                }
            }
            _segment = segment;
        }

        private static int Slot(long segment) => (int)(segment % Segments);
    }
}
