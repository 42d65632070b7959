using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Khilafat.Web.Data;

/// <summary>What differs between SQLite and PostgreSQL when two requests change the same thing at once.</summary>
public static class DatabaseLocks
{
    /// <summary>
    /// Makes transactions that name the same <paramref name="key"/> run one after the other, until this transaction
    /// ends; call it inside one. On SQLite a write transaction already holds the whole database (BEGIN IMMEDIATE), so
    /// there is nothing more to do; on PostgreSQL, whose transactions run side by side, it takes an advisory lock on
    /// the key (which also covers a row that does not exist yet, such as a first sign-up of an address).
    /// </summary>
    public static async Task LockAsync(this DatabaseFacade database, string key, CancellationToken ct = default)
    {
        if (database.IsSqlite()) return;
        if (database.CurrentTransaction is null) throw new InvalidOperationException("LockAsync holds its lock until the transaction ends: begin one first.");
        var id = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({id})", ct);
    }

    /// <summary>Whether a save failed because a unique index refused it (another save took the value first).</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) =>
        e is not DbUpdateConcurrencyException
        && e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private const int SqliteConstraintUnique = 2067, SqliteConstraintPrimaryKey = 1555;
}
