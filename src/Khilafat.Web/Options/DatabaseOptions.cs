namespace Khilafat.Web.Options;

/// <summary>The database engine the site runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: one machine, one instance. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several instances of the site can share.</summary>
    Postgres,
}

/// <summary>Which database the site uses. Section "Database"; the connection string is ConnectionStrings:Default.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or Postgres. With Postgres, ConnectionStrings:Default is an Npgsql connection string.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
