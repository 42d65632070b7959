using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Admin;

/// <summary>Admin:Email and Admin:Password create the first admin at start-up, and never touch an existing account.</summary>
public class ConfigurationBootstrapTests
{
    private const string ConfiguredEmail = "configured-admin@example.org";
    private const string ConfiguredPassword = "the configured admin password";

    /// <summary>The app with Admin:* set, on a new data folder or (a restart) on an existing one.</summary>
    private sealed class ConfiguredAdminFactory(string? dataDirectory, string email, string password) : AdminSiteFactory(dataDirectory)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Concat([new("Admin:Email", email), new("Admin:Password", password)]);
    }

    /// <summary>The app without Admin:* on a given data folder, which it leaves in place.</summary>
    private sealed class PlainFactory(string dataDirectory) : AdminSiteFactory(dataDirectory);

    [Fact]
    public async Task ConfiguredAdmin_IsCreatedAtStartUp_AndSetupIsClosed()
    {
        await using var factory = new ConfiguredAdminFactory(null, ConfiguredEmail, ConfiguredPassword);
        var client = factory.CreateClient();

        await client.SignInAsync(ConfiguredEmail, ConfiguredPassword);

        Assert.Equal([Roles.Admin], await factory.RolesOfAsync(ConfiguredEmail));
        await client.AssertOpensAsync("/admin/users");
        var created = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.AccountCreated);
        Assert.Equal("system", created.ActorName);
        Assert.Equal("user:" + ConfiguredEmail, created.Target);

        Assert.Null(factory.Services.GetRequiredService<SetupToken>().Value);
        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Message.Contains("/setup?token="));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/setup?token=anything")).StatusCode);
        // The password is configuration, never a log line.
        Assert.DoesNotContain(factory.Logs.GetSnapshot(), r => r.Message.Contains(ConfiguredPassword) || r.Exception?.ToString().Contains(ConfiguredPassword) == true);
    }

    [Fact]
    public async Task ConfiguredAdmin_IsNotCreated_WhenAnAccountExistsAlready()
    {
        var dataDirectory = NewDataDirectory();
        try
        {
            string existing;
            await using (var first = new PlainFactory(dataDirectory))
            {
                existing = await first.CreateUserAsync(Roles.Admin, "existing-admin@example.org");
            }

            await using var restarted = new ConfiguredAdminFactory(dataDirectory, ConfiguredEmail, ConfiguredPassword);

            Assert.Null(await restarted.FindUserAsync(ConfiguredEmail));
            Assert.Equal(1, await restarted.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Users.CountAsync()));
            await restarted.CreateClient().SignInAsync(existing);
            using var refused = await restarted.CreateClient().SubmitSignInAsync(ConfiguredEmail, ConfiguredPassword);
            Assert.Contains("The email or password is not right.", (await refused.ReadDocumentAsync()).ErrorSummary());
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.CreateClient().GetAsync("/setup")).StatusCode);
        }
        finally
        {
            await DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task ConfiguredAdmin_NeverChangesTheExistingAccountWithTheSameEmail()
    {
        var dataDirectory = NewDataDirectory();
        try
        {
            await using (var first = new PlainFactory(dataDirectory))
            {
                await first.CreateUserAsync(Roles.Editor, ConfiguredEmail);
            }

            await using var restarted = new ConfiguredAdminFactory(dataDirectory, ConfiguredEmail, ConfiguredPassword);

            // Its password and its role are what they were.
            await restarted.CreateClient().SignInAsync(ConfiguredEmail, TestAccounts.Password);
            using var refused = await restarted.CreateClient().SubmitSignInAsync(ConfiguredEmail, ConfiguredPassword);
            Assert.Contains("The email or password is not right.", (await refused.ReadDocumentAsync()).ErrorSummary());
            Assert.Equal([Roles.Editor], await restarted.RolesOfAsync(ConfiguredEmail));
        }
        finally
        {
            await DeleteDataDirectory(dataDirectory);
        }
    }

    private static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static Task DeleteDataDirectory(string directory) => SiteFactory.DeleteDataAsync(directory);
}
