using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khilafat.Web.Data;

/// <summary>
/// Per-connection settings SQLite does not keep in the file: wait up to five seconds for another writer instead of
/// failing at once, flush the WAL at every commit so an acknowledged write survives a crash, and overwrite with zeros
/// what a delete or an update frees (secure_delete), so that an erased supporter's address and name are not left in
/// the file's free space, to be read by whoever gets the file or a backup of it
/// (see <see cref="SiteDbContext.EmptySqliteLogAsync"/> for the log's copies).
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    /// <summary>How long a connection waits for another's lock before SQLite answers "busy"; the backup's read waits as long.</summary>
    internal const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    internal const string Pragmas = BusyTimeout + " PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExecuteAsync(connection, Pragmas, cancellationToken);

    /// <summary>Runs <paramref name="sql"/> (a pragma, a script) on an open connection, outside EF Core.</summary>
    internal static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
