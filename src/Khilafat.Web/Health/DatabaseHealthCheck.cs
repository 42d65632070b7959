using Khilafat.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khilafat.Web.Health;

/// <summary>Healthy when the database answers a real query against the site's tables.</summary>
public sealed class DatabaseHealthCheck(SiteDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // A pooled SQLite connection keeps answering from a file deleted under it (the volume gone, the file moved),
            // writing where nothing will be read again: the file itself must still be there.
            // (Start-up made the path absolute; an in-memory database or a URI name has no file to look for.)
            if (db.Database.GetDbConnection() is SqliteConnection sqlite
                && new SqliteConnectionStringBuilder(sqlite.ConnectionString) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } file }
                && file != ":memory:" && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !File.Exists(file))
                return HealthCheckResult.Unhealthy("The database file is gone.");
            await db.Pages.AsNoTracking().AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
