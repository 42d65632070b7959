using Microsoft.Data.Sqlite;

namespace Khilafat.Web.Data;

/// <summary>Where the SQLite database is: the configured file (or the default), for start-up, the site and backups.</summary>
public static class SqliteConnectionStrings
{
    public const string Default = "Data Source=App_Data/khilafat.db";

    /// <summary>
    /// The connection string with a relative file resolved against the content root (not the process's working
    /// directory, which differs between `dotnet run`, tests and the published app).
    /// </summary>
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? Default);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, file));
        }
        return builder.ToString();
    }

    /// <summary>At run time the file must already exist: a missing database is an error to report, not a new empty one to create.</summary>
    public static string Runtime(IConfiguration configuration, IHostEnvironment environment)
    {
        var runtime = new SqliteConnectionStringBuilder(Resolve(configuration, environment));
        if (runtime.Mode == SqliteOpenMode.ReadWriteCreate) runtime.Mode = SqliteOpenMode.ReadWrite;
        return runtime.ToString();
    }
}
