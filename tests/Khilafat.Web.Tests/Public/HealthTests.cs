using System.Net;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Khilafat.Web.Tests.Public;

public class HealthTests
{
    [Fact]
    public async Task Healthz_Is200WhenTheDatabaseAnswers()
    {
        await using var factory = new SiteFactory();
        using var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_Is503WhenTheDatabaseIsGone_AndNothingIsRecreated()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // The volume holding the database disappears under the running site.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "site.db*")) File.Delete(file);

        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(factory.DatabasePath), "a missing database must not be silently recreated empty");
    }
}
