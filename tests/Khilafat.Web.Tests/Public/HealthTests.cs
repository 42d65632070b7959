using System.Net;
using System.Text.Json;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Khilafat.Web.Tests.Public;

public class HealthTests
{
    private static async Task<(HttpStatusCode Status, string Overall, Dictionary<string, string> Checks)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return (response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks);
    }

    [Fact]
    public async Task Healthz_Is200WhenTheDatabaseAnswers_AndReportsIt()
    {
        await using var factory = new SiteFactory();
        var (status, overall, checks) = await HealthAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", overall);
        // Without Redis configured there is nothing else to report.
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy" }, checks);
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    public async Task Healthz_Is503WhenTheDatabaseFileIsGone_AndNothingIsRecreated()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(client)).Status);

        // The volume holding the database disappears under the running site.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "site.db*")) File.Delete(file);

        var (status, overall, checks) = await HealthAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", overall);
        Assert.Equal("Unhealthy", checks["database"]);
        Assert.False(File.Exists(factory.DatabasePath), "a missing database must not be silently recreated empty");
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.Postgres)]
    public async Task Healthz_Is503WhenThePostgresDatabaseStopsTakingConnections()
    {
        await using var factory = new PostgresSiteFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(client)).Status);

        // The server turns the site's database away, and ends the sessions it had.
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database;
        await TestDatabase.PostgresAdminAsync(
            $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';");

        var (status, overall, checks) = await HealthAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", overall);
        Assert.Equal("Unhealthy", checks["database"]);
    }
}
