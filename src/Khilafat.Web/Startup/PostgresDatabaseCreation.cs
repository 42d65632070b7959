using Npgsql;

namespace Khilafat.Web.Startup;

/// <summary>
/// Creates the site's PostgreSQL database when it is missing. Several instances starting at once on a new database
/// all find it missing and all try: for all but one, CREATE DATABASE fails with 42P04 (duplicate_database), or
/// 23505 on pg_database's name index when they collide mid-way, which means what they wanted is done. Sent here rather than through EF Core, which logs every failed command as an
/// error before the caller can say that this failure is success.
/// </summary>
public static class PostgresDatabaseCreation
{
    /// <summary>Creates the database <paramref name="connectionString"/> names unless it exists; true when this call created it.</summary>
    public static async Task<bool> CreateIfMissingAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new StartupException("ConnectionStrings:Default (ConnectionStrings__Default) names no Database.");
        // The server's maintenance database, on a connection of its own (CREATE DATABASE cannot run in a pooled session's transaction).
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false, Multiplexing = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null) return false;
        }
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase
            || e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pg_database_datname_index" })
        {
            // Another instance created it between the look and the create. When both creates run at the same moment,
            // PostgreSQL reports it as a unique violation on its catalog of databases rather than as 42P04.
            return false;
        }
    }
}
