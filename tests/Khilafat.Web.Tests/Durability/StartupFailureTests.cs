using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Durability;

/// <summary>A database that cannot be used stops start-up with a clear message and a non-zero exit, never a silent empty site.</summary>
[Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
public class StartupFailureTests
{
    private static async Task AssertRefusesToStartAsync(DurabilityData data, string? connectionString, string message)
    {
        await using var app = AppProcess.Launch(data.Settings(connectionString));
        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the site kept running:\n" + app.Output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(message, app.Output);
    }

    [Fact]
    public async Task ACorruptDatabaseFile_StopsStartUp()
    {
        using var data = new DurabilityData();
        await File.WriteAllTextAsync(data.DatabasePath, "this is not a database, it is a text file that took its place\n" + new string('x', 8192));

        await AssertRefusesToStartAsync(data, null, "is not a usable SQLite database");
        Assert.StartsWith("this is not a database", await File.ReadAllTextAsync(data.DatabasePath));
    }

    [Fact]
    public async Task AMissingDataFolder_StopsStartUp_AndIsNotCreated()
    {
        using var data = new DurabilityData();
        var missing = Path.Combine(data.Folder, "volume-not-mounted");

        await AssertRefusesToStartAsync(data, $"Data Source={Path.Combine(missing, "site.db")}", "does not exist");
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task AReadOnlyDatabase_StopsStartUp()
    {
        using var data = new DurabilityData();
        await AppProcess.StartAndStopAsync(data.Settings());

        // Opening the file read-only stands for a file or folder the app may not write (file permissions do not bind root).
        await AssertRefusesToStartAsync(data, $"Data Source={data.DatabasePath};Mode=ReadOnly", "is read-only");
    }
}
