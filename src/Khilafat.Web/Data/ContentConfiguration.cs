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
        page.Property(p => p.Title).HasMaxLength(Page.TitleMaxLength);
        page.Property(p => p.Summary).HasMaxLength(Page.SummaryMaxLength);
        page.Property(p => p.Body).HasMaxLength(Page.BodyMaxLength);
        page.Property(p => p.Version).IsConcurrencyToken();
        page.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
        page.HasMany(p => p.Translations).WithOne().HasForeignKey(t => t.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PageTranslationConfiguration : IEntityTypeConfiguration<PageTranslation>
{
    public void Configure(EntityTypeBuilder<PageTranslation> translation)
    {
        translation.HasIndex(t => new { t.PageId, t.Culture }).IsUnique();
        translation.Property(t => t.Culture).HasMaxLength(8);
        translation.Property(t => t.Title).HasMaxLength(Page.TitleMaxLength);
        translation.Property(t => t.Summary).HasMaxLength(Page.SummaryMaxLength);
        translation.Property(t => t.Body).HasMaxLength(Page.BodyMaxLength);
        translation.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class FaqTranslationConfiguration : IEntityTypeConfiguration<FaqTranslation>
{
    public void Configure(EntityTypeBuilder<FaqTranslation> translation)
    {
        translation.HasIndex(t => new { t.FaqEntryId, t.Culture }).IsUnique();
        translation.Property(t => t.Culture).HasMaxLength(8);
        translation.Property(t => t.Question).HasMaxLength(FaqEntry.QuestionMaxLength);
        translation.Property(t => t.Answer).HasMaxLength(FaqEntry.AnswerMaxLength);
    }
}

internal sealed class PageRevisionConfiguration : IEntityTypeConfiguration<PageRevision>
{
    public void Configure(EntityTypeBuilder<PageRevision> revision)
    {
        revision.HasIndex(r => new { r.PageId, r.Culture, r.Number }).IsUnique();
        revision.Property(r => r.Culture).HasMaxLength(8).HasDefaultValue("en");
        revision.Property(r => r.Slug).HasMaxLength(Page.SlugMaxLength);
        revision.Property(r => r.Title).HasMaxLength(Page.TitleMaxLength);
        revision.Property(r => r.Summary).HasMaxLength(Page.SummaryMaxLength);
        revision.Property(r => r.Body).HasMaxLength(Page.BodyMaxLength);
        revision.Property(r => r.AuthorId).HasMaxLength(450);
        revision.Property(r => r.AuthorName).HasMaxLength(256);
        revision.Property(r => r.Note).HasMaxLength(200);
    }
}

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> faq)
    {
        faq.HasIndex(f => f.Anchor).IsUnique();
        faq.HasIndex(f => f.Position);
        faq.Property(f => f.Anchor).HasMaxLength(FaqEntry.AnchorMaxLength);
        faq.Property(f => f.Question).HasMaxLength(FaqEntry.QuestionMaxLength);
        faq.Property(f => f.Answer).HasMaxLength(FaqEntry.AnswerMaxLength);
        faq.HasMany(f => f.Translations).WithOne().HasForeignKey(t => t.FaqEntryId).OnDelete(DeleteBehavior.Cascade);
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
