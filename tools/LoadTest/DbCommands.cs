// Parameters of the load's own SQL (setting up a run, checking what it stored), on either database.
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

static class DbCommands
{
    /// <summary>Adds a parameter; a time on SQLite as EF Core stores it there (text), so the site reads it back.</summary>
    public static void Add(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is DateTime time && command is SqliteCommand ? time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : value;
        command.Parameters.Add(parameter);
    }
}
