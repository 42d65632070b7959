using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> subscriber)
    {
        subscriber.HasIndex(s => s.Email).IsUnique();
        subscriber.HasIndex(s => s.ConfirmTokenHash);
        subscriber.HasIndex(s => new { s.Status, s.Id });
        subscriber.HasIndex(s => s.CreatedAt);
        // One subscriber per address whatever its case: "Amina@example.org" and "amina@example.org" reach the same inbox.
        subscriber.Property(s => s.Email).HasMaxLength(Subscriber.EmailMaxLength).UseCollation("NOCASE");
        subscriber.Property(s => s.Name).HasMaxLength(Subscriber.NameMaxLength);
        subscriber.Property(s => s.Country).HasMaxLength(2);
        subscriber.Property(s => s.Language).HasMaxLength(8);
        subscriber.Property(s => s.ConfirmTokenHash).HasMaxLength(64);
        subscriber.ComplexProperty(s => s.Consent, consent =>
        {
            consent.Property(c => c.Version).HasMaxLength(50);
            consent.Property(c => c.Text).HasMaxLength(Consent.TextMaxLength);
            consent.Property(c => c.Source).HasMaxLength(200);
            consent.Property(c => c.IpHash).HasMaxLength(64);
        });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
        message.HasIndex(m => m.SubscriberId);
        message.HasIndex(m => m.ClaimToken);
        message.Property(m => m.ClaimToken).IsConcurrencyToken();
        message.Property(m => m.Kind).HasMaxLength(50);
        message.Property(m => m.To).HasMaxLength(Subscriber.EmailMaxLength);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.UnsubscribeUrl).HasMaxLength(500);
        message.Property(m => m.LastError).HasMaxLength(500);
    }
}
