using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khilafat.Web.Startup;

/// <summary>
/// The database: which provider, its registration, and start-up's one sequence of checking, migrating and seeding
/// (each provider's part in <see cref="SqliteDatabase"/> and <see cref="PostgresDatabase"/>).
/// </summary>
public static class Database
{
    /// <summary>The provider Database:Provider names (Sqlite when unset); a value that is neither stops start-up, naming the key.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupException($"Database:Provider (Database__Provider) must be Sqlite or Postgres, not \"{value}\".");
    }

    /// <summary>
    /// The site's DbContext on the configured provider. Everything asks for <see cref="SiteDbContext"/>; on PostgreSQL
    /// it is a <see cref="PostgresSiteDbContext"/>, which carries that provider's migrations.
    /// </summary>
    public static IServiceCollection AddSiteDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var postgres = Provider(configuration) == DatabaseProvider.Postgres;
        // The compiled model builds its objects when first asked for (about 0.15 s). Asked now, on the core left idle
        // while this one registers the rest of the site, it is ready by the time start-up's first context needs it.
        _ = Task.Run(() => postgres ? Data.CompiledModels.Postgres.PostgresSiteDbContextModel.Instance : Data.CompiledModels.Sqlite.SiteDbContextModel.Instance);
        if (postgres)
        {
            services.AddDbContextPool<SiteDbContext, PostgresSiteDbContext>((sp, options) => options
                .UseNpgsql(PostgresDatabase.ConnectionString(sp.GetRequiredService<IConfiguration>()))
                .UseModel(Data.CompiledModels.Postgres.PostgresSiteDbContextModel.Instance)
                .ConfigureWarnings(IgnoredWarnings));
        }
        else
        {
            // SQLite allows one writer at a time: the write gate queues them in this app without holding threads.
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContextPool<SiteDbContext>((sp, options) => options
                .UseSqlite(SqliteConnectionStrings.Runtime(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))
                .UseModel(Data.CompiledModels.Sqlite.SiteDbContextModel.Instance)
                .ConfigureWarnings(IgnoredWarnings)
                .AddInterceptors(SqliteConnectionPragmas.Instance, sp.GetRequiredService<SqliteWriteGate>()));
        }
        return services;
    }

    // The model is compiled ahead (Data/CompiledModels, made by scripts/regenerate.sh: see the README) rather
    // than built from OnModelCreating at every start. And Migrate, before migrating, would build the model from code
    // twice more (with the last migration's snapshot) only to warn of model changes no migration covers. Together
    // they were about a third of a second of every start. DatabaseProviderTests makes both checks before anything
    // ships: each provider's migrations cover the model, and each compiled model is the model.
    //
    // A Take without an OrderBy is meant where the site uses one: the hourly clean-up deletes any 1,000 expired rows per
    // write (Maintenance.DeleteInBatchesAsync), because ordering them made SQLite sort every match for each batch.
    // EF Core would log it as a warning at every run.
    private static void IgnoredWarnings(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    /// <summary>
    /// Start-up's database work, the same sequence on either provider (the differences are the provider's
    /// <see cref="DatabaseStartup"/>): there is a database, this instance's turn (on PostgreSQL, where several
    /// instances may start at once, so that none migrates, seeds or creates the first admin twice), migrations, the
    /// movement's content on a new database, the site's own key, then the accounts (the roles, the first admin). A
    /// failure of the database's is logged with what to do about it, and start-up stops.
    /// </summary>
    public static async Task InitializeAsync(this WebApplication app, CancellationToken ct = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Khilafat.Web.Database");
        DatabaseStartup? provider = null;
        IAsyncDisposable? turn = null;
        try
        {
            provider = Provider(app.Configuration) == DatabaseProvider.Postgres ? new PostgresDatabase(app, logger) : new SqliteDatabase(app, logger);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            await provider.PrepareAsync(db, ct);
            turn = await provider.TakeTurnAsync(ct);
            await provider.MigrateAsync(db, ct);
            // The movement's content and the site's key need nothing of each other: each on a core of its own, as the
            // other core would otherwise wait here. Most of either is EF Core compiling its first queries (on a new
            // database also the seed's writes, and Data Protection's first key). Both finish, failed or not, before
            // anything else goes on.
            var seeding = Task.Run(() => SeedData.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>(), ct), ct);
            // Now rather than at a first request: later it is needed inside write transactions, which may not make it
            // (a second context's write inside one is refused). It is protected with Data Protection, which makes its
            // first key here too, so every instance started afterwards finds that key rather than making its own.
            var keys = Task.Run(() => app.Services.GetRequiredService<SiteKeys>().LoadAsync(ct), ct);
            await Task.WhenAll(seeding, keys);
            logger.LogInformation("Database ready: {Where}", provider.Where);
        }
        catch (StartupException e)
        {
            logger.LogCritical("{Problem}", e.Message);
            if (turn is not null) await turn.DisposeAsync();
            throw;
        }
        catch (Exception e) when (provider?.Explain(e) is { } problem)
        {
            logger.LogCritical(e, "{Problem}", problem);
            if (turn is not null) await turn.DisposeAsync();
            throw new StartupException(problem, e);
        }

        try
        {
            await app.InitializeAccountsAsync();
        }
        finally
        {
            if (turn is not null) await turn.DisposeAsync();
        }
    }
}

/// <summary>A start-up problem, logged (or, before there is a logger, written out) with what to do about it; the app exits with a non-zero code.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
