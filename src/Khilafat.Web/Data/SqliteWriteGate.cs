using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khilafat.Web.Data;

/// <summary>
/// One write transaction at a time in this app, queued asynchronously. SQLite allows one writer; without this,
/// concurrent writers wait inside SQLite's busy handler, which sleeps on a thread-pool thread (Microsoft.Data.Sqlite is
/// synchronous underneath), so a burst of sign-ups starves the threads that serve every other page. Here a waiting
/// writer holds no thread. The gate is taken when a transaction starts and given back when it commits, rolls back,
/// fails, or its connection closes (a transaction disposed without either), so it cannot leak. Writes reach it through
/// <see cref="SiteDbContext.WriteAsync{T}"/>, which opens their transaction.
/// <para>
/// One per app (a singleton the DbContext's options take from the container), not per process: two hosts in one
/// process (tests) have two databases and must not queue behind each other. A transaction started on a second context
/// while this flow's write holds the gate would wait for itself; it is refused with an <see cref="InvalidOperationException"/>.
/// </para>
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteWriteGate() => GroupCommit = new SqliteGroupCommit(this);

    /// <summary>Where <see cref="SiteDbContext.WriteAsync{T}"/> sends its writes; it holds this gate for each batch.</summary>
    public SqliteGroupCommit GroupCommit { get; }

    /// <summary>Takes the gate for a batch of <see cref="GroupCommit"/>, which runs on a connection of its own.</summary>
    internal async Task EnterAsync()
    {
        if (!await _gate.WaitAsync(WaitLimit)) throw TimedOut();
    }

    internal void Exit() => _gate.Release();

    public ValueTask DisposeAsync() => GroupCommit.DisposeAsync();
    // As long as SQLite's own wait (busy_timeout) plus the command timeout: a writer stuck longer is a bug, reported, not a hang.
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(35);

    private static TimeoutException TimedOut() => new("Waited too long for the database's write lock.");

    // The EF connections (by their id) that hold the gate now.
    private readonly ConcurrentDictionary<Guid, byte> _holders = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        WriteFlow.RefuseSecondContext(eventData.Context);
        if (!_gate.Wait(WaitLimit)) throw TimedOut();
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        WriteFlow.RefuseSecondContext(eventData.Context);
        if (!await _gate.WaitAsync(WaitLimit, cancellationToken)) throw TimedOut();
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // Starting the transaction itself failed (the gate was taken just before).
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Release(Guid connectionId)
    {
        // Only the connection that took the gate gives it back, and only once.
        if (_holders.TryRemove(connectionId, out _)) _gate.Release();
    }
}
