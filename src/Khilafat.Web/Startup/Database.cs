using System.Data.Common;
using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khilafat.Web.Startup;

/// <summary>
/// The database: which provider, and start-up's checking, migrating and seeding. SQLite (the default) is handled here;
/// PostgreSQL's counterparts are in <see cref="PostgresDatabase"/>.
/// </summary>
public static class Database
{
    public const string DefaultConnectionString = "Data Source=App_Data/khilafat.db";

    /// <summary>
    /// The connection string with a relative file resolved against the content root (not the process's working
    /// directory, which differs between `dotnet run`, tests and the published app).
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? DefaultConnectionString);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, file));
        }
        return builder.ToString();
    }

    /// <summary>Whether the configured file is given relative to the content root (the default App_Data), whose folder the app may create.</summary>
    private static bool IsUnderContentRoot(IConfiguration configuration) =>
        new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? DefaultConnectionString).DataSource is { Length: > 0 } file
        && !Path.IsPathRooted(file);

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
        if (Provider(configuration) == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<SiteDbContext, PostgresSiteDbContext>((sp, options) => options
                .UseNpgsql(PostgresDatabase.ConnectionString(sp.GetRequiredService<IConfiguration>())));
        }
        else
        {
            // SQLite allows one writer at a time: the write gate queues them in this app without holding threads.
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContextPool<SiteDbContext>((sp, options) => options
                .UseSqlite(RuntimeConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))
                .AddInterceptors(SqliteConnectionPragmas.Instance, sp.GetRequiredService<SqliteWriteGate>()));
        }
        return services;
    }

    /// <summary>
    /// Start-up's database work, then the accounts' (the roles, the first admin). On PostgreSQL, where several
    /// instances may start at once, they take turns, so that none migrates, seeds or creates the first admin twice.
    /// </summary>
    public static async Task InitializeAsync(this WebApplication app, CancellationToken ct = default)
    {
        if (Provider(app.Configuration) == DatabaseProvider.Postgres)
        {
            await using var turn = await PostgresDatabase.InitializeAsync(app, ct);
            await app.InitializeAccountsAsync();
        }
        else
        {
            await app.InitializeDatabaseAsync(ct);
            await app.InitializeAccountsAsync();
        }
    }

    /// <summary>At run time the file must already exist: a missing database is an error to report, not a new empty one to create.</summary>
    public static string RuntimeConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var runtime = new SqliteConnectionStringBuilder(ResolveConnectionString(configuration, environment));
        if (runtime.Mode == SqliteOpenMode.ReadWriteCreate) runtime.Mode = SqliteOpenMode.ReadWrite;
        return runtime.ToString();
    }

    /// <summary>
    /// Makes the database ready: creates the default data folder on a first start (a configured folder elsewhere must
    /// exist: a missing volume must not become a new empty site), turns on WAL, applies migrations, proves the file
    /// can be written, and seeds a new database. Any failure is logged with what to do, and start-up stops.
    /// </summary>
    private static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Khilafat.Web.Database");
        var connectionString = ResolveConnectionString(app.Configuration, app.Environment);
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        try
        {
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder && !Directory.Exists(folder))
            {
                if (!IsUnderContentRoot(app.Configuration))
                    throw new StartupException($"The data folder {folder} does not exist. Create it, or mount the volume that holds the database, and start again (ConnectionStrings__Default names {file}).");
                Directory.CreateDirectory(folder);
                logger.LogInformation("Created the data folder {Folder}", folder);
            }

            // WAL lets readers carry on while one writer writes; the setting is stored in the file, so once is enough.
            var create = new SqliteConnectionStringBuilder(connectionString);
            if (create.Mode == SqliteOpenMode.ReadWrite) create.Mode = SqliteOpenMode.ReadWriteCreate;
            await using (var connection = new SqliteConnection(create.ToString()))
            {
                await connection.OpenAsync(ct);
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            await db.Database.MigrateAsync(ct);
            await ProveWritableAsync(RuntimeConnectionString(app.Configuration, app.Environment), ct);
            await SeedAsync(app, db, ct);
            logger.LogInformation("Database ready at {File}", file);
        }
        catch (StartupException e)
        {
            logger.LogCritical("{Problem}", e.Message);
            throw;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            var problem = e is SqliteException sqlite ? Explain(sqlite, file) : $"The database at {file} could not be opened: {e.Message}";
            logger.LogCritical(e, "{Problem}", problem);
            throw new StartupException(problem, e);
        }
    }

    /// <summary>A new database gets the movement's content; the site's own key is made (or read) before any request needs it.</summary>
    internal static async Task SeedAsync(WebApplication app, SiteDbContext db, CancellationToken ct)
    {
        await SeedData.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>(), ct);
        // Now rather than at a first request: later it is needed inside write transactions, where making it would wait
        // for itself. It is protected with Data Protection, which makes its first key here too, so every instance
        // started afterwards finds that key rather than making its own.
        await app.Services.GetRequiredService<Khilafat.Web.Privacy.SiteKeys>().LoadAsync(ct);
    }

    // A read-only file would otherwise start a site whose every sign-up fails; a real write (rolled back) finds out now.
    private static async Task ProveWritableAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, $"BEGIN IMMEDIATE; PRAGMA user_version = {version}; ROLLBACK;", ct);
    }

    private static string Explain(SqliteException e, string file) => e.SqliteErrorCode switch
    {
        8 => $"The database at {file} is read-only. Give the app write access to the file and its folder (SQLite also writes -wal and -shm files beside it).",
        11 or 26 => $"The file at {file} is not a usable SQLite database (it is damaged or is another kind of file). Restore it from a backup (see the README) or move it away to start afresh.",
        14 => $"The database at {file} cannot be opened: check the path in ConnectionStrings__Default and the folder's permissions.",
        _ => $"The database at {file} could not be opened or migrated: {e.Message}",
    };

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A start-up problem, logged (or, before there is a logger, written out) with what to do about it; the app exits with a non-zero code.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Per-connection settings SQLite does not keep in the file: wait up to five seconds for another writer instead of
/// failing at once, and flush the WAL at every commit so an acknowledged write survives a crash.
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
