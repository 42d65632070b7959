using Khilafat.Web.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Khilafat.Web.UnitTests.RateLimiting;

/// <summary>The public forms' counts in this process: a sliding window per key, by the site's clock.</summary>
public class SlidingWindowCountsTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ALimit_IsHeldForTheWholeWindow_AndSaysHowLongToWait()
    {
        var counts = new SlidingWindowCounts(_clock);
        for (var i = 0; i < 5; i++) Assert.Null(counts.TryTake("join:email:a", 5, Hour));

        Assert.Equal(Hour, counts.TryTake("join:email:a", 5, Hour));
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(TimeSpan.FromMinutes(1), counts.TryTake("join:email:a", 5, Hour));
        // Another key, and the same key's refusals, are not counted against it.
        Assert.Null(counts.TryTake("join:email:b", 5, Hour));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(counts.TryTake("join:email:a", 5, Hour));
    }

    [Fact]
    public void Permits_ComeBack_AsTheirPartOfTheWindowLeavesIt()
    {
        var counts = new SlidingWindowCounts(_clock);
        Assert.Null(counts.TryTake("k", 3, Hour));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(counts.TryTake("k", 3, Hour));
        Assert.Null(counts.TryTake("k", 3, Hour));
        Assert.Equal(TimeSpan.FromMinutes(30), counts.TryTake("k", 3, Hour));

        // The first permit's tenth of the window leaves it an hour after it was taken; the two later ones stay.
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(counts.TryTake("k", 3, Hour));
        Assert.Equal(TimeSpan.FromMinutes(30), counts.TryTake("k", 3, Hour));
    }

    [Fact]
    public void KeysWhosePermitsAllCameBack_AreDropped_AndCountAfreshIfTheyReturn()
    {
        var counts = new SlidingWindowCounts(_clock);
        for (var i = 0; i < 100; i++) Assert.Null(counts.TryTake("join:email:" + i, 1, Hour));
        Assert.Null(counts.TryTake("join:network:1", 60, TimeSpan.FromMinutes(10)));
        Assert.Equal(101, counts.Count);

        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Null(counts.TryTake("join:network:2", 60, TimeSpan.FromMinutes(10)));
        // The first network's 10 minutes have passed; the addresses' hour has not.
        Assert.Equal(101, counts.Count);
        Assert.NotNull(counts.TryTake("join:email:7", 1, Hour));

        _clock.Advance(Hour);
        Assert.Null(counts.TryTake("join:email:7", 1, Hour));
        Assert.Equal(1, counts.Count);
    }
}
