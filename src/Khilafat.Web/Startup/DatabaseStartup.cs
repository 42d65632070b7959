using Khilafat.Web.Data;

namespace Khilafat.Web.Startup;

/// <summary>
/// What start-up does differently on each provider, behind the one sequence in <see cref="Database.InitializeAsync"/>:
/// there is somewhere to migrate, whose turn it is, migrating and the checks that go with it, and what a failure means
/// in words an operator can act on. <see cref="SqliteDatabase"/> and <see cref="PostgresDatabase"/> fill it in.
/// </summary>
internal abstract class DatabaseStartup
{
    /// <summary>The database in words, for the log ("the database at /data/khilafat.db").</summary>
    public abstract string Where { get; }

    /// <summary>Makes sure there is a database to migrate (SQLite: its folder and WAL mode; PostgreSQL: the database itself).</summary>
    public abstract Task PrepareAsync(SiteDbContext db, CancellationToken ct);

    /// <summary>
    /// Waits until no other instance is starting on the same database, and returns this instance's turn, held until the
    /// first admin exists. SQLite has one process per file: its turn is at once and ends with nothing to give back.
    /// </summary>
    public virtual Task<IAsyncDisposable> TakeTurnAsync(CancellationToken ct) => Task.FromResult<IAsyncDisposable>(NoTurn.Instance);

    /// <summary>Applies the migrations, with the checks that must come just before or after them on this provider.</summary>
    public abstract Task MigrateAsync(SiteDbContext db, CancellationToken ct);

    /// <summary>What to tell the operator about <paramref name="e"/>, or null when it is not a problem of the database's.</summary>
    public abstract string? Explain(Exception e);

    private sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
