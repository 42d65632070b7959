using Microsoft.Data.Sqlite;

namespace Khilafat.Web.Tests.Durability;

/// <summary>A data folder for a site process, and what a test reads back from its database file directly.</summary>
public sealed class DurabilityData : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "khilafat-durability", Guid.NewGuid().ToString("N"));
    public string DatabasePath => Path.Combine(Folder, "site.db");
    public string MailFolder => Path.Combine(Folder, "mail");

    public DurabilityData() => Directory.CreateDirectory(Folder);

    public Dictionary<string, string> Settings(string? connectionString = null) => new()
    {
        ["ConnectionStrings__Default"] = connectionString ?? $"Data Source={DatabasePath}",
        ["Email__PickupDirectory"] = MailFolder,
        // Plain http on loopback: the anti-forgery cookie may not be Secure here, or the forms' posts would lack it.
        ["Security__SecureCookies"] = "false",
        ["Email__PollInterval"] = "00:00:00.050",
    };

    public static string Scalar(string databasePath, string sql)
    {
        using var connection = OpenReadOnly(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Each subscriber's email with the statuses of the confirmation emails queued for them.</summary>
    public static Dictionary<string, List<int>> SubscribersWithConfirmations(string databasePath)
    {
        using var connection = OpenReadOnly(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Email, m.Status FROM Subscribers s
            LEFT JOIN OutboxMessages m ON m.SubscriberId = s.Id AND m.Kind = 'confirmation'
            """;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var list = result.TryGetValue(reader.GetString(0), out var l) ? l : result[reader.GetString(0)] = [];
            if (!reader.IsDBNull(1)) list.Add(reader.GetInt32(1));
        }
        return result;
    }

    private static SqliteConnection OpenReadOnly(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
