using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Settings;
using Microsoft.Data.Sqlite;

namespace Khilafat.Web.Startup;

/// <summary>
/// `forget-keys`: for a SQLite site whose key-encryption certificate is lost for good. Deletes what only the lost
/// keys could read (the Data Protection keys, the site's own secret and the first-run link's token they protect, and
/// the two-factor secrets they encrypt), so the next start makes new ones. In one transaction; the site must be stopped.
/// </summary>
public static class ForgetKeysCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.UseAppSettingsBesideBinaries(builder.Environment);
        if (Database.Provider(builder.Configuration) == Options.DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine("The database is PostgreSQL: its certificate is the one DataProtection__CertificatePath names, which this command cannot replace. " +
                "Put it back; if it is lost for good, see the README (\"What a backup contains\") for what to delete with psql.");
            return 2;
        }
        var file = new SqliteConnectionStringBuilder(SqliteConnectionStrings.Resolve(builder.Configuration, builder.Environment)).DataSource;
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"There is no database at {file}.");
            return 1;
        }
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 5 }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM "DataProtectionKeys";
            DELETE FROM "Settings" WHERE "Key" IN ($siteKey, $setupToken);
            DELETE FROM "AspNetUserTokens" WHERE "LoginProvider" = $twoFactor;
            UPDATE "AspNetUsers" SET "TwoFactorEnabled" = 0 WHERE "TwoFactorEnabled" = 1;
            """;
        command.Parameters.AddWithValue("$siteKey", SettingKeys.SiteKey);
        command.Parameters.AddWithValue("$setupToken", SettingKeys.SetupToken);
        command.Parameters.AddWithValue("$twoFactor", SiteUserStore.TwoFactorProvider);
        try
        {
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        catch (SqliteException e)
        {
            Console.Error.WriteLine($"Nothing was changed: {e.Message} (is the site still running?)");
            return 1;
        }
        Console.WriteLine($"The keys in {file} are forgotten. Start the site: it makes a new certificate and new keys. Everyone signs in again, " +
            "links in emails sent before (confirm, unsubscribe, withdraw, password) no longer work, and two-factor sign-in is off for every account until each sets it up again.");
        return 0;
    }
}
