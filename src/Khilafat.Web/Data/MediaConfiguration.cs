using Khilafat.Web.Content;
using Khilafat.Web.Media;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> image)
    {
        image.Property(i => i.Alt).HasMaxLength(MediaImage.AltMaxLength);
        image.Property(i => i.AltAr).HasMaxLength(MediaImage.AltMaxLength);
        image.Property(i => i.AltUr).HasMaxLength(MediaImage.AltMaxLength);
        image.Property(i => i.UploadedBy).HasMaxLength(256);
        image.HasMany(i => i.Variants).WithOne().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.Cascade);
        // A lead image is let go when its image is deleted (the library warns first, listing where it is used).
        image.HasMany<Page>().WithOne().HasForeignKey(p => p.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        image.HasMany<Update>().WithOne().HasForeignKey(u => u.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        image.HasMany<Events.Event>().WithOne().HasForeignKey(e => e.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        image.HasMany<Petitions.Petition>().WithOne().HasForeignKey(p => p.LeadImageId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> variant)
    {
        variant.Property(v => v.ContentType).HasMaxLength(20);
        variant.Property(v => v.FileName).HasMaxLength(40);
        // Not unique: two uploads of the same picture make the same files, shared until the last one goes.
        variant.HasIndex(v => v.FileName);
    }
}
