using System.Diagnostics;
using Khilafat.Web.Email;
using MimeKit;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// Bounded waiting, the one way the tests wait for something the site does in the background: checks every 50 ms,
/// for at most 10 seconds unless told otherwise, then fails saying what it waited for and what it saw last.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string waitingFor, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        var until = limit ?? Limit;
        var maxRounds = (int)(until / Interval);
        T last = await probe();
        for (var round = 0; !done(last); round++)
        {
            Assert.True(round < maxRounds && watch.Elapsed < until, $"Waited {watch.Elapsed.TotalSeconds:0.0} s for {waitingFor}; last seen: {Describe(last)}");
            await Task.Delay(Interval);
            last = await probe();
        }
        return last;
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string waitingFor, TimeSpan? limit = null) =>
        UntilAsync(condition, ok => ok, waitingFor, limit);

    public static Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? limit = null) =>
        UntilAsync(() => Task.FromResult(condition()), ok => ok, waitingFor, limit);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(DescribeItem)) + "]",
        _ => DescribeItem(value),
    };

    private static string DescribeItem(object? item) => item switch
    {
        OutboxMessage m => $"#{m.Id} {m.Kind} to {m.To}: {m.Status}, {m.Attempts} tries, {m.LastError}",
        MimeMessage m => $"\"{m.Subject}\" to {m.To}",
        _ => item?.ToString() ?? "null",
    };
}
