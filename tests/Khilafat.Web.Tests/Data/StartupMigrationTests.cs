using Khilafat.Web.Data;
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

    private static List<Microsoft.Extensions.Logging.Testing.FakeLogRecord> MigrationLogs(SiteFactory site) =>
        site.Logs.GetSnapshot().Where(r => r.Category == "Microsoft.EntityFrameworkCore.Migrations").ToList();

    // EF Core's migration messages are informational; the site's settings keep them out of its log, the test reads them.
    private sealed class Restarted(string data) : SiteFactory(data)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Information")];
    }
}
