using Khilafat.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Khilafat.Web.Startup;

/// <summary>
/// SQLite's part of start-up: creates the default data folder on a first start (a configured folder elsewhere must
/// exist: a missing volume must not become a new empty site), turns on WAL, makes a new file's tables from the
/// migrations' script or migrates, and proves the file can be written.
/// </summary>
internal sealed class SqliteDatabase(WebApplication app, ILogger logger) : DatabaseStartup
{
    private readonly string _connectionString = SqliteConnectionStrings.Resolve(app.Configuration, app.Environment);

    private string File => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public override string Where => $"the database at {File}";

    public override async Task PrepareAsync(SiteDbContext db, CancellationToken ct)
    {
        if (Path.GetDirectoryName(File) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            if (!IsUnderContentRoot(app.Configuration))
                throw new StartupException($"The data folder {folder} does not exist. Create it, or mount the volume that holds the database, and start again (ConnectionStrings__Default names {File}).");
            Directory.CreateDirectory(folder);
            logger.LogInformation("Created the data folder {Folder}", folder);
        }

        // WAL lets readers carry on while one writer writes; the setting is stored in the file, so once is enough.
        var create = new SqliteConnectionStringBuilder(_connectionString);
        if (create.Mode == SqliteOpenMode.ReadWrite) create.Mode = SqliteOpenMode.ReadWriteCreate;
        await using var connection = new SqliteConnection(create.ToString());
        await connection.OpenAsync(ct);
        await SqliteConnectionPragmas.ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
        WarnIfOthersMayRead();
    }

    /// <summary>
    /// New files are the site's account's alone (<see cref="PrivateFiles"/>); one an earlier version made, or copied in
    /// from a backup, keeps its mode, and a file other accounts on the server may read holds password hashes and the
    /// list. Said at every start until it is changed; the site does not change an operator's file modes itself.
    /// </summary>
    private void WarnIfOthersMayRead()
    {
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        var open = new List<string>();
        foreach (var file in new[] { File, File + "-wal", File + "-shm" })
            if (System.IO.File.Exists(file) && (System.IO.File.GetUnixFileMode(file) & others) != 0) open.Add(file);
        if (open.Count > 0)
            logger.LogWarning("{Files} may be read by other accounts on this server, and hold personal data and password hashes: chmod 600 {Files}",
                string.Join(", ", open), string.Join(" ", open));
    }

    public override async Task MigrateAsync(SiteDbContext db, CancellationToken ct)
    {
        const string historyExists = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryRepository.DefaultTableName}'";
        if (!await EveryMigrationAppliedAsync(db, historyExists, ct))
        {
            await CreateIfEmptyAsync(ct);
            // Any migration the script lacks (or, on a database with tables, every one it has not had yet).
            if (!await EveryMigrationAppliedAsync(db, historyExists, ct)) await db.Database.MigrateAsync(ct);
        }
        await ProveWritableAsync(SqliteConnectionStrings.Runtime(app.Configuration, app.Environment), ct);
    }

    /// <summary>
    /// Makes a new, empty file's tables from the migrations' script (Data/Migrations/Sqlite/Schema.sql, what
    /// `dotnet ef migrations script` writes for them; StartupMigrationTests holds it to that) in one batch. EF Core's
    /// Migrate would first build each migration's model and generate its SQL: about a quarter of a second of a first
    /// start. Each migration is a transaction of its own there too, so a start stopped halfway leaves a database that
    /// the next start migrates on from where it stopped.
    /// </summary>
    private async Task CreateIfEmptyAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(SqliteConnectionStrings.Runtime(app.Configuration, app.Environment));
        await connection.OpenAsync(ct);
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM sqlite_master";
            if (Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 0) return;
        }
        await using var stream = typeof(SqliteDatabase).Assembly.GetManifestResourceStream("Migrations/Sqlite/Schema.sql")
            ?? throw new InvalidOperationException("The assembly lacks its SQLite schema script (Data/Migrations/Sqlite/Schema.sql).");
        using var reader = new StreamReader(stream);
        await SqliteConnectionPragmas.ExecuteAsync(connection, await reader.ReadToEndAsync(ct), ct);
        logger.LogInformation("Created the new database's tables from the migrations' script");
    }

    public override string? Explain(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 8 } => $"The database at {File} is read-only. Give the app write access to the file and its folder (SQLite also writes -wal and -shm files beside it).",
        SqliteException { SqliteErrorCode: 11 or 26 } => $"The file at {File} is not a usable SQLite database (it is damaged or is another kind of file). Restore it from a backup (see the README) or move it away to start afresh.",
        SqliteException { SqliteErrorCode: 14 } => $"The database at {File} cannot be opened: check the path in ConnectionStrings__Default and the folder's permissions.",
        SqliteException => $"The database at {File} could not be opened or migrated: {e.Message}",
        IOException or UnauthorizedAccessException => $"The database at {File} could not be opened: {e.Message}",
        _ => null,
    };

    /// <summary>Whether the configured file is given relative to the content root (the default App_Data), whose folder the app may create.</summary>
    private static bool IsUnderContentRoot(IConfiguration configuration) =>
        new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? SqliteConnectionStrings.Default).DataSource is { Length: > 0 } file
        && !Path.IsPathRooted(file);

    // A read-only file would otherwise start a site whose every sign-up fails; a real write (rolled back) finds out now.
    private static async Task ProveWritableAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await SqliteConnectionPragmas.ExecuteAsync(connection, $"BEGIN IMMEDIATE; PRAGMA user_version = {version}; ROLLBACK;", ct);
    }
}
