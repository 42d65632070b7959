using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Khilafat.Web.Data;

/// <summary>
/// The site's one database: content, accounts, testimonials, the mailing list and the audit log. This type runs on
/// SQLite; <see cref="PostgresSiteDbContext"/> is the same model on PostgreSQL.
/// </summary>
public class SiteDbContext : IdentityDbContext<SiteUser>, IDataProtectionKeyContext
{
    public SiteDbContext(DbContextOptions<SiteDbContext> options) : base(options)
    {
    }

    protected SiteDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>The keys that protect sign-in cookies and anti-forgery tokens; kept here so they survive restarts and backups.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Page> Pages => Set<Page>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();

    /// <summary>Every versioned text of every kind and language (pages, FAQ entries...).</summary>
    public DbSet<VersionedText> Texts => Set<VersionedText>();
    public DbSet<TextRevision> TextRevisions => Set<TextRevision>();
    public DbSet<SiteSetting> Settings => Set<SiteSetting>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Testimonial> Testimonials => Set<Testimonial>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Named one by one rather than found by scanning the assembly: a scan loads every type's dependencies (the
        // SMTP and Redis clients among them) into every process, whether it uses them or not.
        builder.ApplyConfiguration(new PageConfiguration());
        builder.ApplyConfiguration(new FaqEntryConfiguration());
        builder.ApplyConfiguration(new VersionedTextConfiguration());
        builder.ApplyConfiguration(new TextRevisionConfiguration());
        builder.ApplyConfiguration(new SiteSettingConfiguration());
        builder.ApplyConfiguration(new SubscriberConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration());
        builder.ApplyConfiguration(new TestimonialConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; SQLite keeps no kind, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? v.Value.ToUniversalTime() : v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
