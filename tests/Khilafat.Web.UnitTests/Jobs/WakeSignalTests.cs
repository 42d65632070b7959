using Khilafat.Web.Jobs;

namespace Khilafat.Web.UnitTests.Jobs;

/// <summary>A background loop's wake-up: wakes before it looks count as one, and none are lost or thrown.</summary>
public class WakeSignalTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task ManyWakes_BeforeTheLoopLooks_WakeItOnce()
    {
        var signal = new JobSignal();
        for (var i = 0; i < 1000; i++) signal.Wake();

        Assert.True(await signal.WaitAsync(Short, CancellationToken.None));
        Assert.False(await signal.WaitAsync(Short, CancellationToken.None));
    }

    [Fact]
    public async Task AWake_AfterTheLoopLooked_WakesItAgain()
    {
        var signal = new JobSignal();
        signal.Wake();
        Assert.True(await signal.WaitAsync(Short, CancellationToken.None));

        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Parallel.For(0, 100, _ => signal.Wake());

        Assert.True(await waiting);
        // Wakes after the waiter took its own may leave one more for the next look, never more.
        await signal.WaitAsync(Short, CancellationToken.None);
        Assert.False(await signal.WaitAsync(Short, CancellationToken.None));
    }
}
