using Microsoft.Data.Sqlite;

namespace Khilafat.Web.Data;

/// <summary>
/// A consistent copy of the live database made with SQLite's online backup API, while the site keeps serving (in WAL
/// mode writers carry on during the copy). The copy is a single self-contained file, written under a temporary name
/// and renamed when complete, so a half-written backup never looks like a finished one.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes the backup to <paramref name="destination"/> (replacing a file there) and returns its size in bytes.</summary>
    public static async Task<long> WriteAsync(string connectionString, string destination, CancellationToken ct = default)
    {
        destination = Path.GetFullPath(destination);
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        try
        {
            var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                // The copy's read of the live file may meet a writer's moment that SQLite answers with "busy" (its
                // log being restarted or checkpointed): wait for it, as the site's own connections do, rather than fail.
                await using (var wait = from.CreateCommand())
                {
                    wait.CommandText = SqliteConnectionPragmas.BusyTimeout;
                    await wait.ExecuteNonQueryAsync(ct);
                }
                from.BackupDatabase(to);
                await using var command = to.CreateCommand();
                // One file to keep or send: no -wal beside it.
                command.CommandText = "PRAGMA journal_mode = DELETE;";
                await command.ExecuteNonQueryAsync(ct);
            }
            File.Move(temporary, destination, overwrite: true);
            return new FileInfo(destination).Length;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
