using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

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

    /// <summary>
    /// Whether the database's migration history already lists every migration of this build, read with two plain
    /// queries. EF Core's Migrate finds that out too, but only after taking its migration lock and building a model of
    /// its history table: about 0.1 s of every start on an existing database (a published build, either provider), so
    /// when nothing is to be applied it is not called. <paramref name="historyExists"/> answers 1 when the history
    /// table exists. StartupMigrationTests proves both ways.
    /// </summary>
    protected static async Task<bool> EveryMigrationAppliedAsync(SiteDbContext db, string historyExists, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = historyExists;
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 1) return false;
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }
            return db.Database.GetMigrations().All(applied.Contains);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What to tell the operator about <paramref name="e"/>, or null when it is not a problem of the database's.</summary>
    public abstract string? Explain(Exception e);

    private sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
