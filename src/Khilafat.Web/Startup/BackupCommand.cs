using Khilafat.Web.Data;

namespace Khilafat.Web.Startup;

/// <summary>
/// `Khilafat.Web backup &lt;file&gt;` (or `dotnet run --project src/Khilafat.Web -- backup &lt;file&gt;`): a consistent copy
/// of the configured database, taken while the site may be running. Under `dotnet run` a relative path is relative
/// to the project folder, so give an absolute one.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string destination, string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.UseAppSettingsBesideBinaries(builder.Environment);
        if (Database.Provider(builder.Configuration) == Options.DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine("The database is PostgreSQL: back it up on its server with pg_dump, e.g. " +
                "pg_dump --format=custom --file=khilafat.dump \"host=... dbname=... user=...\" (see the README).");
            return 2;
        }
        var connectionString = SqliteConnectionStrings.Runtime(builder.Configuration, builder.Environment);
        try
        {
            var bytes = await DatabaseBackup.WriteAsync(connectionString, destination);
            Console.WriteLine($"Backup written to {Path.GetFullPath(destination)} ({bytes:N0} bytes).");
            return 0;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The backup failed: {e.Message}");
            return 1;
        }
    }
}
