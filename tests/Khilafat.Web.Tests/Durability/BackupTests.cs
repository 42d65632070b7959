using System.Collections.Concurrent;
using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Startup;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Khilafat.Web.Tests.Durability;

[Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
public class BackupTests(BackupTests.Factory factory) : IClassFixture<BackupTests.Factory>
{
    /// <summary>Sign-ups here are made by calling the site's service directly, outside any request: links need the configured address.</summary>
    public sealed class Factory : SiteFactory
    {
        protected override string? PublicUrl => "https://khilafat.example";
    }

    private string ConnectionString => factory.WithScopeAsync(sp => Task.FromResult(
        SqliteConnectionStrings.Runtime(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))).Result;

    [Fact]
    public async Task ABackupTakenDuringWrites_OpensCleanly_AndHoldsEverythingAcknowledgedBeforeItBegan()
    {
        // The site started here, before the writers: eight threads asking a factory not yet started would each start it.
        var connectionString = ConnectionString;
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5_000 && !stop.IsCancellationRequested; i++)
            {
                var email = $"backup-{w}-{i}@example.org";
                await factory.WithScopeAsync(sp => sp.GetRequiredService<MailingListService>()
                    .SignUpAsync(new SignUpRequest(email, null, null, "en", "/join")));
                acknowledged.Add(email);
            }
        })).ToList();
        await Poll.UntilAsync(() => acknowledged.Count >= 200, "200 acknowledged sign-ups", TimeSpan.FromSeconds(30));

        var before = acknowledged.ToArray();
        var file = Path.Combine(factory.DataDirectory, "backup.db");
        var bytes = await DatabaseBackup.WriteAsync(connectionString, file);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(before.Length >= 200, $"only {before.Length} sign-ups before the backup");
        Assert.True(bytes > 0);
        Assert.Equal("ok", DurabilityData.Scalar(file, "PRAGMA integrity_check;"));
        Assert.Equal("delete", DurabilityData.Scalar(file, "PRAGMA journal_mode;"));
        var inBackup = DurabilityData.SubscribersWithConfirmations(file);
        var missing = before.Where(email => !inBackup.ContainsKey(email)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} sign-ups acknowledged before the backup are not in it");
        Assert.All(before, email => Assert.NotEmpty(inBackup[email]));
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "*.partial"));
    }

    [Fact]
    public async Task AnAdmin_DownloadsABackup_AndItIsAudited()
    {
        var (admin, _) = await factory.SignedInClientAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync("/admin/backup");
        // An admin who keeps only this file loses every image: the page says so before they rely on it.
        Assert.Contains("Uploaded images are not in it", page.QuerySelector("main")!.Text());

        using var response = await admin.SubmitAsync(page.Form(), "/admin/backup");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(bytes, 0, 16));
        var downloaded = Path.Combine(factory.DataDirectory, "downloaded.db");
        await File.WriteAllBytesAsync(downloaded, bytes);
        Assert.Equal("ok", DurabilityData.Scalar(downloaded, "PRAGMA integrity_check;"));
        // The seeded pages (statement, history, privacy...), as many as the site has.
        var pages = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.CountAsync());
        Assert.True(pages >= 3);
        Assert.Equal(pages.ToString(System.Globalization.CultureInfo.InvariantCulture), DurabilityData.Scalar(downloaded, "SELECT COUNT(*) FROM Pages;"));
        var audited = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SiteDbContext>().AuditEntries.Count(e => e.Action == "database.backup-downloaded")));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task AnEditor_CannotDownloadABackup()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.GetAsync("/admin/backup");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheBackupCommand_WritesAConsistentCopy_WhileTheSiteRuns()
    {
        await factory.CreateClient().GetStringAsync("/");
        var file = Path.Combine(factory.DataDirectory, "command-backup.db");
        var (exitCode, output, errors) = await AppProcess.RunCommandAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={factory.DatabasePath}" }, "backup", file);

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains($"Backup written to {file}", output);
        Assert.Equal("ok", DurabilityData.Scalar(file, "PRAGMA integrity_check;"));
        Assert.Equal("6", DurabilityData.Scalar(file, "SELECT COUNT(*) FROM FaqEntries;"));
    }
}
