using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on, and a fresh one per site. ./test.sh runs the suite twice: on SQLite files, then
/// (KHILAFAT_TEST_PROVIDER=Postgres) on the PostgreSQL server it starts itself, whose address it puts in
/// KHILAFAT_TEST_POSTGRES. A test that needs PostgreSQL or Redis and finds no server fails, saying how to get one.
/// </summary>
public static class TestDatabase
{
    /// <summary>
    /// The trait that keeps a test to one pass of ./test.sh: [Trait(Trait, Sqlite)] for what only SQLite has (its
    /// files, its online backup), [Trait(Trait, Postgres)] for what needs PostgreSQL and Redis (several instances).
    /// Tests without it run in both passes, on the provider of the pass.
    /// </summary>
    public const string Trait = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static DatabaseProvider Provider { get; } =
        Environment.GetEnvironmentVariable("KHILAFAT_TEST_PROVIDER") is { Length: > 0 } value
            ? Enum.Parse<DatabaseProvider>(value, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL server's connection string, without a database.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("KHILAFAT_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "This test needs a PostgreSQL server and KHILAFAT_TEST_POSTGRES names none. Run the tests with ./test.sh, which starts one " +
                "(Debian's postgresql package), or set KHILAFAT_TEST_POSTGRES to a connection string of a superuser, without a database.");

    /// <summary>The Redis server (host:port) for the multi-instance tests.</summary>
    public static string RedisServer =>
        Environment.GetEnvironmentVariable("KHILAFAT_TEST_REDIS") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "This test needs a Redis server and KHILAFAT_TEST_REDIS names none. Run the tests with ./test.sh, which starts one " +
                "(Debian's redis-server package), or set KHILAFAT_TEST_REDIS to host:port.");

    /// <summary>
    /// A context of the site's model on a database of <paramref name="provider"/>, without the site and its start-up:
    /// for taking a database through its migrations one at a time, as earlier builds left it.
    /// </summary>
    public static SiteDbContext Context(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new PostgresSiteDbContext(new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql(connectionString).Options)
        : new SiteDbContext(new DbContextOptionsBuilder<SiteDbContext>().UseSqlite(connectionString).Options);

    /// <summary>The connection string of a new PostgreSQL database (not created yet: the site creates it at start-up).</summary>
    public static string NewPostgresDatabase() =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "khilafat_test_" + Guid.NewGuid().ToString("N")[..20] }.ConnectionString;

    /// <summary>Drops a database made by <see cref="NewPostgresDatabase"/>, closing whatever connections are left.</summary>
    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await PostgresAdminAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    /// <summary>Runs SQL as the server's superuser, in its maintenance database (to change or drop a site's database).</summary>
    public static async Task PostgresAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL query on a PostgreSQL database and returns its first value, as text.</summary>
    public static async Task<string> PostgresScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
