using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Data;

/// <summary>
/// Start-up migrates only when the database lacks a migration of this build: a database an earlier build left gets
/// the new ones and serves, and one already up to date starts without EF Core's Migrate at all, on the suite's provider.
/// </summary>
public class StartupMigrationTests
{
    [Fact]
    public async Task AnEarlierBuildsDatabase_GetsTheNewMigration_AndAnUpToDateOneStartsWithoutMigrating()
    {
        var data = Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(data);
            string[] migrations;
            await using (var first = new Restarted(data))
            {
                // The database as the build before the last migration left it.
                await using (var earlier = TestDatabase.Context(first.Provider, first.ConnectionString))
                {
                    migrations = earlier.Database.GetMigrations().ToArray();
                    await earlier.GetService<IMigrator>().MigrateAsync(migrations[^2]);
                    Assert.Equal(migrations[..^1], await earlier.Database.GetAppliedMigrationsAsync());
                }
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

                var statement = await first.CreateClient().GetAsync("/statement");
                Assert.Equal(System.Net.HttpStatusCode.OK, statement.StatusCode);
                Assert.Contains("Reviving Khilafat for Justice", await statement.Content.ReadAsStringAsync());
                Assert.Equal(migrations, await first.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Database.GetAppliedMigrationsAsync()));
                Assert.Contains(MigrationLogs(first), r => r.Message.Contains(migrations[^1], StringComparison.Ordinal));
            }

            await using var again = new Restarted(data);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await again.CreateClient().GetAsync("/statement")).StatusCode);
            // Migrate, called with nothing to do, takes its lock and logs that nothing was applied: neither happened.
            Assert.Empty(MigrationLogs(again));
            Assert.Equal(migrations, await again.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Database.GetAppliedMigrationsAsync()));
        }
        finally
        {
            await SiteFactory.DeleteDataAsync(data);
        }
    }

    /// <summary>
    /// A new SQLite file gets its tables from the migrations' script (Data/Migrations/Sqlite/Schema.sql) in one batch,
    /// without EF Core's Migrate: the script must be the one EF Core writes for these migrations, and make what Migrate
    /// makes, tables, indexes and history alike.
    /// </summary>
    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public async Task ANewSqliteDatabase_IsMadeFromTheMigrationsScript_AsMigrateMakesIt()
    {
        var data = Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(data);
            var migrated = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "migrated.db") }.ToString();
            await using (var db = TestDatabase.Context(DatabaseProvider.Sqlite, migrated))
            {
                using var stream = typeof(SiteDbContext).Assembly.GetManifestResourceStream("Migrations/Sqlite/Schema.sql")!;
                var embedded = await new StreamReader(stream).ReadToEndAsync();
                Assert.True(Lines(db.GetService<IMigrator>().GenerateScript()) == Lines(embedded),
                    "Data/Migrations/Sqlite/Schema.sql is not the migrations' script. Run, from the repository's top: scripts/regenerate.sh");
                await db.Database.MigrateAsync();
            }

            await using var site = new Restarted(data);
            var statement = await site.CreateClient().GetAsync("/statement");
            Assert.Equal(System.Net.HttpStatusCode.OK, statement.StatusCode);
            Assert.Contains("Reviving Khilafat for Justice", await statement.Content.ReadAsStringAsync());
            Assert.Contains(site.Logs.GetSnapshot(), r => r.Category == "Khilafat.Web.Database" && r.Message.StartsWith("Created the new database's tables from the migrations' script", StringComparison.Ordinal));
            Assert.Empty(MigrationLogs(site));

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Assert.Equal(await SchemaAsync(migrated), await SchemaAsync(site.ConnectionString));
        }
        finally
        {
            await SiteFactory.DeleteDataAsync(data);
        }
    }

    private static string Lines(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    /// <summary>Every table, index and trigger as SQLite keeps its SQL, and the migrations applied (not Migrate's own lock table).</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock'
            UNION ALL SELECT 'migration ' || "MigrationId" FROM "__EFMigrationsHistory"
            ORDER BY 1
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static List<Microsoft.Extensions.Logging.Testing.FakeLogRecord> MigrationLogs(SiteFactory site) =>
        site.Logs.GetSnapshot().Where(r => r.Category == "Microsoft.EntityFrameworkCore.Migrations").ToList();

    // EF Core's migration messages are informational; the site's settings keep them out of its log, the test reads them.
    private sealed class Restarted(string data) : SiteFactory(data)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Information")];
    }
}
