using System.Net;
using System.Net.Sockets;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Khilafat.Web.Tests.Durability;

/// <summary>
/// A start that fails after the background services have begun (here, a second process on a port already taken)
/// claims no job and no mail: it would die holding them, and nothing would run them until the claims ran out.
/// </summary>
public class StartFailureTests
{
    [Fact]
    public async Task AProcessThatCannotListen_ClaimsNoJobAndNoMail_AndExitsWithAnError()
    {
        using var data = new DurabilityData();
        var settings = data.Settings();
        await AppProcess.StartAndStopAsync(settings);
        // A job and a message due now, as a site stopped for a while leaves them.
        using (var connection = new SqliteConnection($"Data Source={data.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE "Jobs" SET "DueAt" = '2026-01-01 00:00:00' WHERE "Kind" = 'maintenance';
                INSERT INTO "OutboxMessages" ("Kind", "To", "Subject", "TextBody", "HtmlBody", "Status", "CreatedAt", "NextAttemptAt", "Attempts")
                VALUES ('confirmation', 'waiting@example.org', 'Confirm', 'text', '<p>html</p>', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0);
                """;
            Assert.Equal(2, command.ExecuteNonQuery());
        }

        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        await using var second = AppProcess.Launch(settings, ((IPEndPoint)taken.LocalEndpoint).Port);

        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The second start did not give up.\n" + second.Output);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Equal("0", DurabilityData.Scalar(data.DatabasePath, """SELECT COUNT(*) FROM "Jobs" WHERE "Kind" = 'maintenance' AND "ClaimToken" IS NOT NULL"""));
        Assert.Equal("0|0", DurabilityData.Scalar(data.DatabasePath,
            """SELECT "Status" || '|' || "Attempts" FROM "OutboxMessages" WHERE "To" = 'waiting@example.org' AND "ClaimToken" IS NULL"""));
        Assert.Equal("1", DurabilityData.Scalar(data.DatabasePath, """SELECT COUNT(*) FROM "Jobs" WHERE "Kind" = 'maintenance' AND "DueAt" < '2026-02-01'"""));
    }
}
