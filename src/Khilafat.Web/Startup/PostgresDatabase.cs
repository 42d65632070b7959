using System.Net.Sockets;
using Khilafat.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Khilafat.Web.Startup;

/// <summary>
/// PostgreSQL's part of start-up, the counterpart of SQLite's checks: the server answers and accepts the account, the
/// database exists (it is created when the account may), it can be written (not a standby), migrations are applied.
/// Instances take turns through an advisory lock.
/// </summary>
internal sealed class PostgresDatabase(WebApplication app, ILogger logger) : DatabaseStartup
{
    // Any fixed number: the advisory lock every instance takes for its start-up work.
    private const long StartupLockKey = 0x6B68696C61666174; // "khilafat"

    private readonly string _connectionString = ConnectionString(app.Configuration);

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

    public override string Where
    {
        get
        {
            var target = new NpgsqlConnectionStringBuilder(_connectionString);
            return $"the database {target.Database} on {target.Host}:{target.Port}";
        }
    }

    public override async Task PrepareAsync(SiteDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        // Not through EF Core, which would log another instance's simultaneous creation as an error.
        if (!await creator.ExistsAsync(ct) && await PostgresDatabaseCreation.CreateIfMissingAsync(_connectionString, ct))
            logger.LogInformation("Created {Where}", Where);
    }

    public override async Task<IAsyncDisposable> TakeTurnAsync(CancellationToken ct)
    {
        // A session lock on a connection of its own (not pooled, so closing it surely ends the session and the lock,
        // as a crash would).
        var turn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await turn.OpenAsync(ct);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", turn))
            {
                take.CommandTimeout = 0; // as long as another instance's start-up takes
                await take.ExecuteNonQueryAsync(ct);
            }
            await using (var readOnly = new NpgsqlCommand("SHOW transaction_read_only", turn))
            {
                if (await readOnly.ExecuteScalarAsync(ct) is "on") throw new StartupException(ReadOnly(Where));
            }
            return turn;
        }
        catch
        {
            await turn.DisposeAsync();
            throw;
        }
    }

    public override async Task MigrateAsync(SiteDbContext db, CancellationToken ct)
    {
        // The history table where EF Core makes it: in the first schema of the search path.
        const string historyExists = $"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '{HistoryRepository.DefaultTableName}'";
        if (!await EveryMigrationAppliedAsync(db, historyExists, ct))
        {
            // Made first so that migrating a new database does not log a failed read of it as an error (efcore.pg#3407).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
        }
        await ReloadTypesAsync(db, ct);
    }

    public override string? Explain(Exception e) => Cause(e) is { } cause ? Explain(cause, Where) : null;

    private static string ReadOnly(string where) =>
        $"{Capitalized(where)} is read-only (a standby server, or default_transaction_read_only is on). Point ConnectionStrings__Default at the primary server.";

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
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => ReadOnly(where),
        PostgresException p => $"{Capitalized(where)} could not be opened or migrated: {p.MessageText} ({p.SqlState}).",
        _ => $"{Capitalized(where)} could not be reached: {e.Message}. Check that the server is running and that Host and Port in ConnectionStrings__Default name it.",
    };

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
