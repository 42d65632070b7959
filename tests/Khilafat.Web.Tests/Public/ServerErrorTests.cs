using System.Net;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khilafat.Web.Tests.Public;

public class ServerErrorTests
{
    [Fact]
    public async Task ServerError_ShowsAFriendlyPage_WithoutDetails_AndIsLogged()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        await client.GetStringAsync("/");

        // Break the database under the running site: the FAQ can no longer be read.
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Database.ExecuteSqlRawAsync(
            // PostgreSQL drops the translations' foreign key with it only when told to; SQLite has no CASCADE and needs none.
            factory.Provider == Khilafat.Web.Options.DatabaseProvider.Postgres ? "DROP TABLE \"FaqEntries\" CASCADE" : "DROP TABLE \"FaqEntries\""));

        using var response = await client.GetAsync("/faq");
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain("PostgresException", body);
        Assert.DoesNotContain("FaqEntries", body);
        Assert.DoesNotContain(" at Khilafat", body);
        Assert.DoesNotContain(factory.DatabasePath, body);
        Assert.DoesNotContain("Data Source", body);
        Assert.DoesNotContain("Password", body);
        Assert.DoesNotContain("SELECT", body);
        Assert.Contains(factory.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error && r.Exception is not null && r.Exception.ToString().Contains("FaqEntries"));
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
