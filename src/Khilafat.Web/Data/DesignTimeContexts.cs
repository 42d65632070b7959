using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Khilafat.Web.Data;

// For `dotnet ef` only: it builds each provider's context from these instead of starting the site. Neither connects
// to a database when adding a migration.

internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SiteDbContext>
{
    public SiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SiteDbContext>().UseSqlite("Data Source=App_Data/khilafat.db").Options);
}

internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresSiteDbContext>
{
    public PostgresSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql("Host=localhost;Database=khilafat").Options);
}
