using Khilafat.Web.MailingList;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Data;

/// <summary>
/// The site's model on PostgreSQL. A type of its own only so that its migrations (Data/Migrations/Postgres) are kept
/// apart from SQLite's (Data/Migrations/Sqlite), as EF Core's multiple-provider guidance does; everything else asks
/// for <see cref="SiteDbContext"/>.
/// </summary>
public sealed class PostgresSiteDbContext(DbContextOptions<PostgresSiteDbContext> options) : SiteDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite's NOCASE has no PostgreSQL namesake: citext compares (and LIKEs) addresses whatever their case, so
        // "Amina@example.org" and "amina@example.org" are still one subscriber.
        builder.HasPostgresExtension("citext");
        builder.Entity<Subscriber>().Property(s => s.Email).UseCollation(null).HasColumnType("citext");
        builder.Entity<Events.Rsvp>().Property(r => r.Email).UseCollation(null).HasColumnType("citext");
        builder.Entity<Petitions.PetitionSignature>().Property(s => s.Email).UseCollation(null).HasColumnType("citext");
    }
}
