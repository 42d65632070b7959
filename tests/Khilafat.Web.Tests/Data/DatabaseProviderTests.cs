using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Tests.Durability;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Data;

/// <summary>One model, a migration set per provider: neither set may fall behind the model, and the suite runs on the provider it names.</summary>
public class DatabaseProviderTests
{
    private static SiteDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SiteDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static PostgresSiteDbContext PostgresContext() =>
        new(new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql("Host=127.0.0.1;Database=model-check").Options);

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void TheSqliteMigrations_CoverTheWholeModel()
    {
        using var db = SqliteContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the SQLite migrations lack: dotnet ef migrations add <Name> --context SiteDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void ThePostgresMigrations_CoverTheWholeModel()
    {
        using var db = PostgresContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the PostgreSQL migrations lack: dotnet ef migrations add <Name> --context PostgresSiteDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void EachProvider_HasItsOwnMigrations()
    {
        using var sqlite = SqliteContext();
        using var postgres = PostgresContext();
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
        Assert.All(typeof(SiteDbContext).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))), migration =>
        {
            var context = migration.GetCustomAttributes(typeof(DbContextAttribute), false).Cast<DbContextAttribute>().Single().ContextType;
            Assert.Equal(context == typeof(PostgresSiteDbContext) ? "Khilafat.Web.Data.Migrations.Postgres" : "Khilafat.Web.Data.Migrations.Sqlite", migration.Namespace);
        });
    }

    /// <summary>The model names its configurations one by one (see SiteDbContext): none may be left out.</summary>
    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void EveryEntityConfiguration_IsApplied()
    {
        using var named = SqliteContext();
        using var scanned = new ScanningContext(new DbContextOptionsBuilder<SiteDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(scanned.Model.ToDebugString(), named.Model.ToDebugString());
    }

    /// <summary>The model with every configuration in the assembly applied again, as a scan finds them.</summary>
    private sealed class ScanningContext(DbContextOptions<SiteDbContext> options) : SiteDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.ApplyConfigurationsFromAssembly(typeof(SiteDbContext).Assembly);
        }
    }

    [Fact]
    public async Task TheSuite_RunsOnTheProviderItWasAskedFor()
    {
        await using var factory = new SiteFactory();
        var (provider, type) = await factory.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            return Task.FromResult((db.Database.ProviderName, db.GetType()));
        });

        if (TestDatabase.Provider == DatabaseProvider.Postgres)
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
            Assert.Equal(typeof(PostgresSiteDbContext), type);
        }
        else
        {
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", provider);
            Assert.Equal(typeof(SiteDbContext), type);
        }
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public async Task AnUnknownProvider_StopsStartUp_NamingTheSetting()
    {
        using var data = new DurabilityData();
        var settings = data.Settings();
        settings["Database__Provider"] = "Oracle";
        await using var app = AppProcess.Launch(settings);

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the site kept running:\n" + app.Output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("Database:Provider (Database__Provider) must be Sqlite or Postgres, not \"Oracle\"", app.Output);
    }
}
