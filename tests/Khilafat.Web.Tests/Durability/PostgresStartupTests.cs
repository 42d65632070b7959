using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;
using Npgsql;

namespace Khilafat.Web.Tests.Durability;

/// <summary>
/// PostgreSQL's counterparts of SQLite's start-up checks: a server that is not there, a refused account, a standby
/// (read-only) database and a SQLite connection string each stop start-up with what to do; a missing database is
/// created. Backups are pg_dump's work, and the backup page and command say so.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.Postgres)]
public class PostgresStartupTests
{
    private static Dictionary<string, string> Settings(DurabilityData data, string connectionString)
    {
        var settings = data.Settings(connectionString);
        settings["Database__Provider"] = "Postgres";
        return settings;
    }

    private static async Task<string> AssertRefusesToStartAsync(Dictionary<string, string> settings, string message)
    {
        await using var app = AppProcess.Launch(settings);
        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the site kept running:\n" + app.Output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(message, app.Output);
        return app.Output;
    }

    [Fact]
    public async Task AServerThatIsNotThere_StopsStartUp()
    {
        using var data = new DurabilityData();
        var nobody = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Port = Ports.FreeLoopback(), Database = "khilafat", Timeout = 3 };

        var output = await AssertRefusesToStartAsync(Settings(data, nobody.ConnectionString),
            $"The database khilafat on 127.0.0.1:{nobody.Port} could not be reached");
        Assert.DoesNotContain(nobody.Password!, output);
    }

    [Fact]
    public async Task AWrongPassword_StopsStartUp_WithoutShowingIt()
    {
        using var data = new DurabilityData();
        var wrong = new NpgsqlConnectionStringBuilder(TestDatabase.NewPostgresDatabase()) { Password = "not-the-password-" + Guid.NewGuid().ToString("N") };

        var output = await AssertRefusesToStartAsync(Settings(data, wrong.ConnectionString), "PostgreSQL refused the account");
        Assert.DoesNotContain(wrong.Password, output);
    }

    [Fact]
    public async Task TheSqliteConnectionString_WithThePostgresProvider_StopsStartUp()
    {
        using var data = new DurabilityData();
        await AssertRefusesToStartAsync(Settings(data, $"Data Source={data.DatabasePath}"),
            "Database__Provider is Postgres, so ConnectionStrings__Default must be a PostgreSQL connection string");
        Assert.False(File.Exists(data.DatabasePath));
    }

    [Fact]
    public async Task AReadOnlyDatabase_StopsStartUp()
    {
        using var data = new DurabilityData();
        var connectionString = TestDatabase.NewPostgresDatabase();
        try
        {
            await AppProcess.StartAndStopAsync(Settings(data, connectionString));
            await TestDatabase.PostgresAdminAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" SET default_transaction_read_only = on");

            await AssertRefusesToStartAsync(Settings(data, connectionString), "is read-only");
        }
        finally
        {
            await TestDatabase.DropPostgresDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task AMissingDatabase_IsCreated_Migrated_AndSeeded()
    {
        using var data = new DurabilityData();
        var connectionString = TestDatabase.NewPostgresDatabase();
        try
        {
            await using var app = AppProcess.Launch(Settings(data, connectionString));
            await app.WaitUntilHealthyAsync();
            using var client = new HttpClient { BaseAddress = app.Address };

            Assert.Contains("Reviving Khilafat for Justice", await client.GetStringAsync("/statement"));
            // Seeded once: home, statement, history, privacy and how-we-choose.
            Assert.Equal("5", await TestDatabase.PostgresScalarAsync(connectionString, "SELECT COUNT(*) FROM \"Pages\""));
            Assert.Contains($"Created the database {new NpgsqlConnectionStringBuilder(connectionString).Database}", app.Output);
        }
        finally
        {
            await TestDatabase.DropPostgresDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task CreatingTheDatabase_ManyAtOnce_CreatesItOnce_AndTheOthersTakeItAsDone()
    {
        var connectionString = TestDatabase.NewPostgresDatabase();
        try
        {
            var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                Task.Run(() => Khilafat.Web.Startup.PostgresDatabaseCreation.CreateIfMissingAsync(connectionString, CancellationToken.None))));

            Assert.Equal(1, created.Count(c => c));
            Assert.False(await Khilafat.Web.Startup.PostgresDatabaseCreation.CreateIfMissingAsync(connectionString, CancellationToken.None));
        }
        finally
        {
            await TestDatabase.DropPostgresDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task TwoInstancesStartingAtOnce_OnAMissingDatabase_LogNoError()
    {
        using var first = new DurabilityData();
        using var second = new DurabilityData();
        var connectionString = TestDatabase.NewPostgresDatabase();
        try
        {
            await using var a = AppProcess.Launch(Settings(first, connectionString));
            await using var b = AppProcess.Launch(Settings(second, connectionString));
            await Task.WhenAll(a.WaitUntilHealthyAsync(), b.WaitUntilHealthyAsync());

            foreach (var output in new[] { a.Output, b.Output })
            {
                Assert.DoesNotContain("fail:", output);
                Assert.DoesNotContain("crit:", output);
                Assert.DoesNotContain("42P04", output);
            }
        }
        finally
        {
            await TestDatabase.DropPostgresDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task TheBackupCommand_PointsToPgDump()
    {
        var (exitCode, _, errors) = await AppProcess.RunCommandAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = TestDatabase.NewPostgresDatabase(),
        }, "backup", Path.Combine(Path.GetTempPath(), "unused.db"));

        Assert.Equal(2, exitCode);
        Assert.Contains("back it up on its server with pg_dump", errors);
    }

    [Fact]
    public async Task TheBackupPage_ExplainsPgDump_AndOffersNoDownload()
    {
        await using var factory = new PostgresSiteFactory();
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);

        var page = await admin.GetDocumentAsync("/admin/backup");

        Assert.Contains("pg_dump", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
        var token = (await admin.GetDocumentAsync("/admin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = await admin.PostAsync("/admin/backup", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }


}
