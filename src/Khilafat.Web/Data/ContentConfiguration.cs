using Khilafat.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> page)
    {
        page.HasIndex(p => p.Slug).IsUnique();
        page.Property(p => p.Slug).HasMaxLength(Page.SlugMaxLength);
        page.Property(p => p.RedirectTo).HasMaxLength(500);
    }
}

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> faq)
    {
        faq.HasIndex(f => f.Anchor).IsUnique();
        faq.HasIndex(f => f.Position);
        faq.Property(f => f.Anchor).HasMaxLength(FaqEntry.AnchorMaxLength);
    }
}

internal sealed class VersionedTextConfiguration : IEntityTypeConfiguration<VersionedText>
{
    public void Configure(EntityTypeBuilder<VersionedText> text)
    {
        text.HasIndex(t => new { t.Kind, t.ItemId, t.Culture }).IsUnique();
        text.Property(t => t.Kind).HasMaxLength(32);
        text.Property(t => t.Culture).HasMaxLength(8);
        text.Property(t => t.Title).HasMaxLength(VersionedText.TitleMaxLength);
        text.Property(t => t.Summary).HasMaxLength(VersionedText.SummaryMaxLength);
        text.Property(t => t.Body).HasMaxLength(VersionedText.BodyMaxLength);
        text.Property(t => t.PublishedTitle).HasMaxLength(VersionedText.TitleMaxLength);
        text.Property(t => t.PublishedSummary).HasMaxLength(VersionedText.SummaryMaxLength);
        text.Property(t => t.PublishedBody).HasMaxLength(VersionedText.BodyMaxLength);
        text.Property(t => t.Version).IsConcurrencyToken();
        text.Property(t => t.ReviewedBy).HasMaxLength(256);
        text.Ignore(t => t.HasDraft);
        text.HasMany(t => t.Revisions).WithOne().HasForeignKey(r => r.TextId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TextRevisionConfiguration : IEntityTypeConfiguration<TextRevision>
{
    public void Configure(EntityTypeBuilder<TextRevision> revision)
    {
        revision.HasIndex(r => new { r.TextId, r.Number }).IsUnique();
        revision.Property(r => r.Address).HasMaxLength(Page.SlugMaxLength);
        revision.Property(r => r.Title).HasMaxLength(VersionedText.TitleMaxLength);
        revision.Property(r => r.Summary).HasMaxLength(VersionedText.SummaryMaxLength);
        revision.Property(r => r.Body).HasMaxLength(VersionedText.BodyMaxLength);
        revision.Property(r => r.AuthorId).HasMaxLength(450);
        revision.Property(r => r.AuthorName).HasMaxLength(256);
        revision.Property(r => r.Note).HasMaxLength(200);
        revision.Property(r => r.ChangeNote).HasMaxLength(TextRevision.ChangeNoteMaxLength);
        revision.HasIndex(r => new { r.TextId, r.PublicVersion });
    }
}

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> setting)
    {
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(SiteSetting.KeyMaxLength);
    }
}
