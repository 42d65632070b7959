using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.MailingList;

namespace Khilafat.Web.Tests.Durability;

/// <summary>The files the site writes hold personal data: only the site's own account may read them.</summary>
[Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class FileModeTests
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static void AssertOwnerOnly(string path)
    {
        var mode = File.GetUnixFileMode(path);
        Assert.True((mode & GroupOrOthers) == 0, $"{path} is {Convert.ToString((int)mode, 8)}");
    }

    [Fact]
    public async Task TheDatabase_ItsBackup_AndThePickedUpMail_AreReadableByTheSiteAlone()
    {
        using var data = new DurabilityData();
        var subfolder = Path.Combine(data.Folder, "App_Data");
        var settings = data.Settings($"Data Source={Path.Combine(subfolder, "site.db")}");
        Directory.CreateDirectory(subfolder);
        await using var app = AppProcess.Launch(settings);
        await app.WaitUntilHealthyAsync();
        using (var visitor = new SignUpClient(app.Address))
        {
            await visitor.PrepareAsync();
            await visitor.SignUpAsync("private-files@example.org");
        }
        var mail = await Poll.UntilAsync(() => Task.FromResult(Directory.Exists(data.MailFolder) ? Directory.GetFiles(data.MailFolder, "*.eml") : []),
            files => files.Length > 0, "the confirmation in the pickup folder");

        var backup = Path.Combine(data.Folder, "backup.db");
        var (exitCode, output, errors) = await AppProcess.RunCommandAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = settings["ConnectionStrings__Default"] }, "backup", backup);
        Assert.True(exitCode == 0, output + errors);

        foreach (var file in new[] { "site.db", "site.db-wal", "site.db-shm" }.Select(f => Path.Combine(subfolder, f)).Where(File.Exists))
            AssertOwnerOnly(file);
        Assert.True(File.Exists(Path.Combine(subfolder, "site.db")));
        AssertOwnerOnly(data.MailFolder);
        Assert.All(mail, AssertOwnerOnly);
        AssertOwnerOnly(backup);
    }

    [Fact]
    public async Task ADatabaseOtherAccountsMayRead_AsAnEarlierVersionLeftIt_IsNamedInTheLog_WithWhatToDo()
    {
        using var data = new DurabilityData();
        var settings = data.Settings();
        Assert.DoesNotContain("may be read by other accounts", await AppProcess.StartAndStopAsync(settings));
        // As a build before private files left it (or a copy restored with cp): readable by everyone.
        File.SetUnixFileMode(data.DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var again = AppProcess.Launch(settings);
        await again.WaitUntilHealthyAsync();
        // SQLite gives its -wal and -shm files the database's mode: named too, when they are there.
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(data.DatabasePath)}(, \S+-(wal|shm))* may be read by other accounts on this server, and hold personal data and password hashes: chmod 600 {System.Text.RegularExpressions.Regex.Escape(data.DatabasePath)}", again.Output);
    }
}
