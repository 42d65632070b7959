using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.MailingList;
using Khilafat.Web.Updates;
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
            consent.Property(c => c.Attestation).HasMaxLength(500);
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
        message.Property(m => m.Culture).HasMaxLength(8);
        // One message per subscriber per send, whatever runs the expansion twice: the database says no to the second.
        message.HasIndex(m => new { m.SendId, m.SubscriberId }).IsUnique();
        message.HasIndex(m => new { m.SendId, m.Status });
    }
}

internal sealed class UpdateConfiguration : IEntityTypeConfiguration<Update>
{
    public void Configure(EntityTypeBuilder<Update> update)
    {
        update.HasIndex(u => u.Slug).IsUnique();
        update.HasIndex(u => new { u.ShowOnSite, u.FirstPublishedAt });
        update.Property(u => u.Slug).HasMaxLength(Update.SlugMaxLength);
        update.Property(u => u.EmailOnPublishBy).HasMaxLength(Update.EmailOnPublishByMaxLength);
    }
}

internal sealed class UpdateSendConfiguration : IEntityTypeConfiguration<UpdateSend>
{
    public void Configure(EntityTypeBuilder<UpdateSend> send)
    {
        send.HasIndex(s => s.UpdateId);
        send.HasOne<Update>().WithMany().HasForeignKey(s => s.UpdateId).OnDelete(DeleteBehavior.Restrict);
        send.Property(s => s.Languages).HasMaxLength(100);
        send.Property(s => s.Countries).HasMaxLength(1000);
        send.Property(s => s.CreatedBy).HasMaxLength(256);
        send.HasMany(s => s.Texts).WithOne().HasForeignKey(t => t.SendId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SendTextConfiguration : IEntityTypeConfiguration<SendText>
{
    public void Configure(EntityTypeBuilder<SendText> text)
    {
        text.HasIndex(t => new { t.SendId, t.Culture }).IsUnique();
        text.Property(t => t.Culture).HasMaxLength(8);
        text.Property(t => t.Subject).HasMaxLength(300);
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.HasIndex(j => new { j.Kind, j.Key }).IsUnique();
        job.HasIndex(j => new { j.Status, j.DueAt });
        job.Property(j => j.Kind).HasMaxLength(50);
        job.Property(j => j.Key).HasMaxLength(100);
        job.Property(j => j.LastError).HasMaxLength(500);
        job.Property(j => j.ClaimToken).IsConcurrencyToken();
    }
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Events.Event>
{
    public void Configure(EntityTypeBuilder<Events.Event> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasIndex(x => x.StartsAt);
        e.Property(x => x.Slug).HasMaxLength(Events.Event.SlugMaxLength);
        e.Property(x => x.TimeZone).HasMaxLength(Events.Event.TimeZoneMaxLength);
        e.Property(x => x.Place).HasMaxLength(Events.Event.PlaceMaxLength);
        e.Property(x => x.OnlineUrl).HasMaxLength(Events.Event.OnlineUrlMaxLength);
        e.Property(x => x.StateReason).HasMaxLength(Events.Event.ReasonMaxLength);
        e.Property(x => x.NoticeReason).HasMaxLength(Events.Event.ReasonMaxLength);
        e.Property(x => x.NoticePreviousTimeZone).HasMaxLength(Events.Event.TimeZoneMaxLength);
        e.Property(x => x.NoticePreviousPlace).HasMaxLength(Events.Event.PlaceMaxLength);
    }
}

internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Events.Rsvp>
{
    public void Configure(EntityTypeBuilder<Events.Rsvp> rsvp)
    {
        rsvp.HasOne<Events.Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Restrict);
        // One answer per address per event, whatever its case; erased answers (no address) do not count.
        rsvp.HasIndex(r => new { r.EventId, r.Email }).IsUnique();
        rsvp.HasIndex(r => new { r.EventId, r.Status });
        rsvp.HasIndex(r => r.ConfirmTokenHash);
        rsvp.Property(r => r.Email).HasMaxLength(Subscriber.EmailMaxLength).UseCollation("NOCASE");
        rsvp.Property(r => r.Name).HasMaxLength(Events.Rsvp.NameMaxLength);
        rsvp.Property(r => r.Language).HasMaxLength(8);
        rsvp.Property(r => r.ConfirmTokenHash).HasMaxLength(64);
        rsvp.ComplexProperty(r => r.Consent, consent =>
        {
            consent.Property(c => c.Version).HasMaxLength(50);
            consent.Property(c => c.Text).HasMaxLength(Consent.TextMaxLength);
            consent.Property(c => c.Source).HasMaxLength(200);
            consent.Property(c => c.Attestation).HasMaxLength(500);
        });
    }
}
