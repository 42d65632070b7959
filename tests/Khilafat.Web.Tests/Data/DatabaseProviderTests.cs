using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Tests.Durability;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void TheSqliteCompiledModel_IsTheModel()
    {
        using var db = SqliteContext();
        AssertCompiledModelIsTheModel<Khilafat.Web.Data.CompiledModels.Sqlite.SiteDbContextModel>(db);
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void ThePostgresCompiledModel_IsTheModel()
    {
        using var db = PostgresContext();
        AssertCompiledModelIsTheModel<Khilafat.Web.Data.CompiledModels.Postgres.PostgresSiteDbContextModel>(db);
    }

    /// <summary>
    /// The site runs on the model compiled ahead (Data/CompiledModels), which EF Core also finds by itself for every
    /// context of that type; OnModelCreating only builds the design-time model. A model change without regenerating
    /// would leave the site on the old one: the tables, columns, keys and indexes (with their filters), and every
    /// property's type and converter, must be the same in both. And it carries its properties' accessors (the
    /// UnsafeAccessors files), which EF Core would otherwise compile at run time: a model regenerated without
    /// --nativeaot works, but a first start does about half a second more work.
    /// </summary>
    private static void AssertCompiledModelIsTheModel<TCompiled>(SiteDbContext db)
    {
        var compiled = db.Model;
        var fromCode = db.GetService<IDesignTimeModel>().Model;
        const string regenerate = "Run, from the repository's top: scripts/regenerate.sh";

        Assert.IsType<TCompiled>(compiled);
        var expected = Describe(fromCode).ToList();
        var actual = Describe(compiled).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"The compiled model is not the model in code. {regenerate}\nIn code only:\n{string.Join("\n", expected.Except(actual))}\nCompiled only:\n{string.Join("\n", actual.Except(expected))}");
        // Generic types (Identity's) are named IdentityRoleClaim`1 and IdentityRoleClaimUnsafeAccessors`1.
        static string Plain(Type type) => type.Name.Split('`')[0];
        var withAccessors = typeof(TCompiled).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(TCompiled).Namespace && Plain(t).EndsWith("UnsafeAccessors", StringComparison.Ordinal))
            .Select(t => Plain(t)[..^"UnsafeAccessors".Length]).ToHashSet();
        var without = compiled.GetEntityTypes().Select(e => Plain(e.ClrType)).Where(name => !withAccessors.Contains(name)).ToList();
        Assert.True(without.Count == 0, $"The compiled model lacks its properties' accessors for {string.Join(", ", without)}. {regenerate}");
    }

    /// <summary>What the database and the site see of a model, a line each (EF Core's differ needs a design-time model).</summary>
    private static IEnumerable<string> Describe(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(entity =>
            new[] { $"{entity.Name} table={entity.GetTableName()} key={Names(entity.FindPrimaryKey()?.Properties)}" }
            .Concat(entity.GetProperties().Select(p =>
                $"{entity.Name}.{p.Name}: {p.ClrType} column={p.GetColumnName()} {p.GetColumnType()} null={p.IsNullable} max={p.GetMaxLength()} " +
                $"converter={p.GetValueConverter()?.GetType().Name} {Conversion(p.GetTypeMapping().Converter)} " +
                $"generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken}"))
            .Concat(entity.GetKeys().Select(k => $"{entity.Name} key {Names(k.Properties)}"))
            .Concat(entity.GetIndexes().Select(i => $"{entity.Name} index {i.GetDatabaseName()} {Names(i.Properties)} unique={i.IsUnique} filter={i.GetFilter()}"))
            .Concat(entity.GetForeignKeys().Select(f => $"{entity.Name} foreign key {Names(f.Properties)} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
            .Order());

    // The compiled model writes a mapping's converter out as a plain ValueConverter of the same two types (and the same
    // conversions), where the model in code has the converter's own class (EnumToNumberConverter): compare its types.
    private static string Conversion(ValueConverter? converter) =>
        converter is null ? "" : $"{converter.ModelClrType.Name}->{converter.ProviderClrType.Name}";

    private static string Names(IEnumerable<IReadOnlyProperty>? properties) => string.Join(",", properties?.Select(p => p.Name) ?? []);

    /// <summary>The model names its configurations one by one (see SiteDbContext): none may be left out.</summary>
    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public void EveryEntityConfiguration_IsApplied()
    {
        using var named = SqliteContext();
        using var scanned = new ScanningContext(new DbContextOptionsBuilder<SiteDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(scanned.GetService<IDesignTimeModel>().Model.ToDebugString(), named.GetService<IDesignTimeModel>().Model.ToDebugString());
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
