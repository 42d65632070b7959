using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class TestimonialConfiguration : IEntityTypeConfiguration<Testimonial>
{
    public void Configure(EntityTypeBuilder<Testimonial> testimonial)
    {
        testimonial.HasIndex(t => new { t.Status, t.IsFeatured, t.SubmittedAt });
        testimonial.HasIndex(t => t.IpHash);
        testimonial.Property(t => t.DisplayName).HasMaxLength(Testimonial.NameMaxLength);
        testimonial.Property(t => t.Place).HasMaxLength(Testimonial.PlaceMaxLength);
        testimonial.Property(t => t.OriginalText).HasMaxLength(Testimonial.TextMaxLength);
        testimonial.Property(t => t.EditedText).HasMaxLength(Testimonial.TextMaxLength);
        testimonial.Property(t => t.Language).HasMaxLength(8);
        testimonial.Property(t => t.SpamReason).HasMaxLength(200);
        testimonial.Property(t => t.ModeratedBy).HasMaxLength(256);
        testimonial.Property(t => t.Email).HasMaxLength(254);
        testimonial.Property(t => t.ConsentVersion).HasMaxLength(50);
        testimonial.Property(t => t.ConsentText).HasMaxLength(1000);
        testimonial.Property(t => t.IpHash).HasMaxLength(64);
        testimonial.Ignore(t => t.Text);
    }
}
