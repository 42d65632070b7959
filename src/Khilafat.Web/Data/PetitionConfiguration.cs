using Khilafat.Web.MailingList;
using Khilafat.Web.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> petition)
    {
        petition.HasIndex(p => p.Slug).IsUnique();
        petition.HasIndex(p => p.State);
        petition.Property(p => p.Slug).HasMaxLength(Petition.SlugMaxLength);
        petition.Property(p => p.AddressedTo).HasMaxLength(Petition.AddressedToMaxLength);
        petition.Property(p => p.DeliveryReport).HasMaxLength(Petition.DeliveryReportMaxLength);
    }
}

internal sealed class PetitionSignatureConfiguration : IEntityTypeConfiguration<PetitionSignature>
{
    public void Configure(EntityTypeBuilder<PetitionSignature> signature)
    {
        signature.HasOne<Petition>().WithMany().HasForeignKey(s => s.PetitionId).OnDelete(DeleteBehavior.Restrict);
        // One signature per address per petition, whatever its case; erased ones (null) do not collide.
        signature.HasIndex(s => new { s.PetitionId, s.Email }).IsUnique();
        // The public count is COUNT(*) over this index: exact, and no counter row for a burst of confirmations to fight over.
        signature.HasIndex(s => new { s.PetitionId, s.Status, s.ConfirmedAt });
        signature.HasIndex(s => s.ConfirmTokenHash);
        signature.HasIndex(s => s.Email);
        signature.Property(s => s.Email).HasMaxLength(Subscriber.EmailMaxLength).UseCollation("NOCASE");
        signature.Property(s => s.Name).HasMaxLength(PetitionSignature.NameMaxLength);
        signature.Property(s => s.Country).HasMaxLength(2);
        signature.Property(s => s.Language).HasMaxLength(8);
        signature.Property(s => s.ConfirmTokenHash).HasMaxLength(64);
        signature.Property(s => s.StruckOutReason).HasMaxLength(PetitionSignature.StruckOutReasonMaxLength);
        signature.Property(s => s.StruckOutBy).HasMaxLength(256);
        signature.ComplexProperty(s => s.Consent, consent =>
        {
            consent.Property(c => c.Version).HasMaxLength(50);
            consent.Property(c => c.Text).HasMaxLength(Consent.TextMaxLength);
            consent.Property(c => c.Source).HasMaxLength(200);
            consent.Property(c => c.Attestation).HasMaxLength(500);
        });
    }
}
