namespace Khilafat.Web.Startup;

public static class HostStarted
{
    /// <summary>
    /// Completes once the host has started, its server listening; throws when <paramref name="stopping"/> comes first.
    /// Background work waits for it: hosted services start before the server binds its port, so a second process started
    /// on a port already taken (or any start that fails after them) would claim jobs and mail and die holding them, and
    /// nothing would run them until the claims ran out.
    /// </summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stopping)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stopping);
        try { await Task.Delay(Timeout.Infinite, either.Token); }
        catch (OperationCanceledException) { }
        stopping.ThrowIfCancellationRequested();
    }
}
