using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Data;

/// <summary>
/// Group commit for SQLite: the writes that arrive together run one after the other in one transaction, each inside
/// its own savepoint, and are committed (and flushed to disk) once for all of them. A write that fails is rolled back
/// to its savepoint and fails alone; the others commit. Every caller hears its outcome only after the shared commit,
/// so an acknowledged write is on disk exactly as with a commit of its own (synchronous = FULL).
/// <para>
/// Why: SQLite has one writer. One transaction per write meant, per write, a turn at the <see cref="SqliteWriteGate"/>
/// (the next writer's continuation queued behind every page being served), BEGIN, a flush of the log inside the
/// lock, and COMMIT; under a burst of sign-ups the writers spent their time queued for those, not writing. Here one
/// loop takes the gate once per batch and runs the queued writes back to back.
/// </para>
/// <para>
/// Each write runs on its own <see cref="SiteDbContext"/> (the request's, with its services), which for that time uses
/// the batch's connection and transaction, and in the caller's execution context (its async-locals: the request, the
/// write flow). <see cref="SiteDbContext.WriteAsync{T}"/> sends writes here; a context whose connection its owner opened
/// itself (to set it up differently) writes in a transaction of its own, as before.
/// </para>
/// </summary>
public sealed class SqliteGroupCommit(SqliteWriteGate gate) : IAsyncDisposable
{
    // Bounds one batch's time in the gate, so a non-grouped writer (accounts, start-up) waits at most one batch.
    private const int MaxBatch = 128;

    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private Task? _loop;
    private string? _connectionString;

    /// <summary>Runs <paramref name="work"/> (then saves the context) in the next batch; completes after that batch's commit.</summary>
    public Task<T> RunAsync<T>(SiteDbContext context, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var write = new Write<T>(context, work, ct);
        lock (_lock)
        {
            _connectionString ??= context.Database.GetConnectionString();
            if (_loop is null)
            {
                // Not in this caller's execution context: the loop outlives the request that happened to start it.
                using (ExecutionContext.SuppressFlow()) _loop = Task.Run(RunBatchesAsync);
            }
        }
        if (!_queue.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(SqliteGroupCommit));
        return write.Outcome;
    }

    private async Task RunBatchesAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            try
            {
                await gate.EnterAsync();
            }
            catch (TimeoutException e)
            {
                // Another writer held the database for far too long: these writes fail, as their own would have.
                FailQueued(reader, [], e);
                continue;
            }
            try
            {
                await RunBatchAsync(reader);
            }
            finally
            {
                gate.Exit();
            }
        }
    }

    // Fails the batch's writes; when the batch never started (no connection, no transaction), the waiting ones instead.
    private static void FailQueued(ChannelReader<Write> reader, List<Write> batch, Exception e)
    {
        if (batch.Count == 0) while (batch.Count < MaxBatch && reader.TryRead(out var waiting)) batch.Add(waiting);
        foreach (var write in batch) write.Fail(e);
    }

    private async Task RunBatchAsync(ChannelReader<Write> reader)
    {
        var batch = new List<Write>();
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = SqliteConnectionPragmas.Pragmas;
                await pragmas.ExecuteNonQueryAsync();
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            while (batch.Count < MaxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
                await write.RunAsync(connection, transaction);
                // Some failures (a full disk, an I/O error) make SQLite roll back the whole transaction: then the writes
                // before this one are gone too, and must not be reported as done.
                if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0)
                    throw new InvalidOperationException("SQLite rolled back the batch's transaction after a failed write.", write.Error);
            }
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            FailQueued(reader, batch, e);
            return;
        }
        foreach (var write in batch) write.Complete();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_lock) loop = _loop;
        if (loop is not null) await loop;
    }

    private abstract class Write
    {
        public abstract Exception? Error { get; }
        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);
        public abstract void Complete();
        public abstract void Fail(Exception batchFailure);
    }

    private sealed class Write<T>(SiteDbContext context, Func<CancellationToken, Task<T>> work, CancellationToken ct) : Write
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ExecutionContext? _callerContext = ExecutionContext.Capture();
        private T? _result;
        private Exception? _error;

        public Task<T> Outcome => _outcome.Task;
        public override Exception? Error => _error;

        public override Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (_callerContext is null) return RunHereAsync(connection, transaction);
            Task? running = null;
            ExecutionContext.Run(_callerContext, _ => running = RunHereAsync(connection, transaction), null);
            return running!;
        }

        private async Task RunHereAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (ct.IsCancellationRequested)
            {
                _error = new OperationCanceledException(ct);
                return;
            }
            using var flow = WriteFlow.Enter(context);
            var database = context.Database;
            var connectionString = database.GetConnectionString();
            // EF counts the times it opened the context's connection. A transaction that failed to start (refused
            // at the gate) leaves one counted on a connection that is closed, and EF then refuses to swap it. The
            // connection is closed (WriteAsync checked): closing it is a no-op that settles the count.
            try
            {
                for (var i = 0; i < 4; i++) await database.CloseConnectionAsync();
                database.SetDbConnection(connection, contextOwnsConnection: false);
            }
            catch (InvalidOperationException e)
            {
                // This write fails alone; the context keeps its own connection.
                _error = e;
                return;
            }
            Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? used = null;
            var autoSavepoints = database.AutoSavepointsEnabled;
            try
            {
                used = await database.UseTransactionAsync(transaction, CancellationToken.None);
                // This write's own savepoint (below) already undoes a failed save; SaveChanges would otherwise wrap each
                // of its saves in one more (two statements each, in the loop every other write waits for).
                database.AutoSavepointsEnabled = false;
                // As WriteAsync does: once more on a cleared context when a unique index refused the save because a
                // write before it took the value; the work now sees what that one saved.
                for (var attempt = 1; ; attempt++)
                {
                    transaction.Save("write");
                    try
                    {
                        // Not the caller's token from here: a command cancelled halfway makes SQLite roll back the whole
                        // transaction, and with it the batch's other writes. Started, a write finishes.
                        _result = await work(CancellationToken.None);
                        await context.SaveChangesAsync(CancellationToken.None);
                        transaction.Release("write");
                        return;
                    }
                    catch (Exception e)
                    {
                        RollBack(transaction);
                        context.ChangeTracker.Clear();
                        if (attempt == 1 && e is DbUpdateException update && update.IsUniqueViolation()) continue;
                        _error = e;
                        return;
                    }
                }
            }
            catch (Exception e)
            {
                _error ??= e;
            }
            finally
            {
                database.AutoSavepointsEnabled = autoSavepoints;
                // Disposing EF's wrapper of a transaction it does not own leaves the transaction alone, and gives the
                // context's hold on the connection back (UseTransaction(null) alone would not), so it can be detached.
                if (used is not null) await used.DisposeAsync();
                // A connection of its own again, which the context owns and disposes, as it did before.
                database.SetDbConnection(new SqliteConnection(connectionString), contextOwnsConnection: true);
            }
        }

        private static void RollBack(SqliteTransaction transaction)
        {
            try
            {
                transaction.Rollback("write");
                transaction.Release("write");
            }
            catch (SqliteException)
            {
                // The whole transaction is gone (SQLite rolled it back itself): the batch sees that and fails.
            }
        }

        public override void Complete()
        {
            if (_error is not null) _outcome.TrySetException(_error);
            else _outcome.TrySetResult(_result!);
        }

        public override void Fail(Exception batchFailure)
        {
            // Nothing of this write was stored: the context forgets it, as after a failed write of its own.
            if (_error is null) context.ChangeTracker.Clear();
            _outcome.TrySetException(_error ?? batchFailure);
        }
    }
}
