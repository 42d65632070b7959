using System.Data.Common;
using Khilafat.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khilafat.Web.Startup;

/// <summary>The SQLite database: where it lives, how connections are set up, and migrating and seeding it at start-up.</summary>
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

    public static IServiceCollection AddSiteDatabase(this IServiceCollection services)
    {
        services.AddDbContextPool<SiteDbContext>((sp, options) => options
            .UseSqlite(RuntimeConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))
            .AddInterceptors(SqliteConnectionPragmas.Instance));
        return services;
    }

    /// <summary>At run time the file must already exist: a missing database is an error to report, not a new empty one to create.</summary>
    private static string RuntimeConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var runtime = new SqliteConnectionStringBuilder(ResolveConnectionString(configuration, environment));
        if (runtime.Mode == SqliteOpenMode.ReadWriteCreate) runtime.Mode = SqliteOpenMode.ReadWrite;
        return runtime.ToString();
    }

    /// <summary>Creates the data folder and the database if need be, turns on WAL, applies migrations and seeds a new database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Khilafat.Web.Database");
        var connectionString = ResolveConnectionString(app.Configuration, app.Environment);
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        try
        {
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                logger.LogInformation("Created the data folder {Folder}", folder);
            }

            // WAL lets readers carry on while one writer writes; the setting is stored in the file, so once is enough.
            var create = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate };
            await using (var connection = new SqliteConnection(create.ToString()))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = WAL;";
                await command.ExecuteScalarAsync(ct);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            await db.Database.MigrateAsync(ct);
            await SeedData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
            logger.LogInformation("Database ready at {File}", file);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            logger.LogCritical(e, "The database at {File} could not be opened or migrated: {Message}. Check ConnectionStrings__Default and the folder's permissions.", file, e.Message);
            throw;
        }
    }
}

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
