using System.Net.Sockets;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Khilafat.Web.Startup;

/// <summary>
/// Start-up on PostgreSQL, the counterpart of SQLite's checks: the server answers and accepts the account, the
/// database exists (it is created when the account may), migrations are applied, it can be written (not a standby),
/// and a new database is seeded. Instances take turns through an advisory lock. A failure is logged with what to do.
/// </summary>
public static class PostgresDatabase
{
    // Any fixed number: the advisory lock every instance takes for its start-up work.
    private const long StartupLockKey = 0x6B68696C61666174; // "khilafat"

    /// <summary>ConnectionStrings:Default, which on PostgreSQL must name a server; the SQLite default does not.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("Default");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException)
        {
            throw Misconfigured();
        }
        if (string.IsNullOrWhiteSpace(builder.Host)) throw Misconfigured();
        return builder.ConnectionString;

        static StartupException Misconfigured() => new(
            "Database__Provider is Postgres, so ConnectionStrings__Default must be a PostgreSQL connection string, e.g. " +
            "\"Host=db;Database=khilafat;Username=khilafat;Password=...\" (the password from the environment, never appsettings.json).");
    }

    /// <summary>Makes the database ready and returns this instance's turn, held until the rest of start-up is done.</summary>
    public static async Task<IAsyncDisposable> InitializeAsync(WebApplication app, CancellationToken ct)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Khilafat.Web.Database");
        string where = "the PostgreSQL server";
        NpgsqlConnection? turn = null;
        try
        {
            var connectionString = ConnectionString(app.Configuration);
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            where = $"the database {target.Database} on {target.Host}:{target.Port}";

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct) && await PostgresDatabaseCreation.CreateIfMissingAsync(connectionString, ct)) logger.LogInformation("Created {Where}", where);

            // A session lock on a connection of its own (not pooled, so closing it surely ends the session and the lock).
            turn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await turn.OpenAsync(ct);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", turn))
            {
                take.CommandTimeout = 0; // as long as another instance's start-up takes
                await take.ExecuteNonQueryAsync(ct);
            }

            await using (var readOnly = new NpgsqlCommand("SHOW transaction_read_only", turn))
            {
                if (await readOnly.ExecuteScalarAsync(ct) is "on")
                    throw new StartupException($"{Capitalized(where)} is read-only (a standby server, or default_transaction_read_only is on). Point ConnectionStrings__Default at the primary server.");
            }
            // Made first so that migrating a new database does not log a failed read of it as an error (efcore.pg#3407).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
            await ReloadTypesAsync(db, ct);
            await Database.SeedAsync(app, db, ct);
            logger.LogInformation("Database ready: {Where}", where);
            // The caller holds the turn (the open session) until its own start-up work is done; ending the session gives
            // the lock back, as a crash would.
            var held = turn;
            turn = null;
            return held;
        }
        catch (StartupException e)
        {
            logger.LogCritical("{Problem}", e.Message);
            throw;
        }
        catch (Exception e) when (Cause(e) is { } cause)
        {
            var problem = Explain(cause, where);
            logger.LogCritical(e, "{Problem}", problem);
            throw new StartupException(problem, e);
        }
        finally
        {
            if (turn is not null) await turn.DisposeAsync();
        }
    }

    // Npgsql learns the database's types (citext among them) on its first connection. If that was before another
    // instance's migration created the extension, this instance would fail on every query that uses it: learn them
    // again now, and let go of the connections that knew the old ones.
    private static async Task ReloadTypesAsync(SiteDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await connection.ReloadTypesAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        NpgsqlConnection.ClearPool(connection);
    }

    // EF Core wraps what the server or the network said (as "likely due to a transient failure"): find it.
    private static Exception? Cause(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SocketException or TimeoutException) return e;
        }
        return null;
    }

    private static string Explain(Exception e, string where) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
            $"PostgreSQL refused the account for {where}: {p.MessageText}. Check Username and Password in ConnectionStrings__Default.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            $"{Capitalized(where)} does not exist and the account may not create it. Create it (createdb), or give the account CREATEDB.",
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } p =>
            $"The account lacks a right it needs on {where}: {p.MessageText}. It must own the database (the site creates its tables and the citext extension).",
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } =>
            $"{Capitalized(where)} is read-only (a standby server, or default_transaction_read_only is on). Point ConnectionStrings__Default at the primary server.",
        PostgresException p => $"{Capitalized(where)} could not be opened or migrated: {p.MessageText} ({p.SqlState}).",
        _ => $"{Capitalized(where)} could not be reached: {e.Message}. Check that the server is running and that Host and Port in ConnectionStrings__Default name it.",
    };

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
