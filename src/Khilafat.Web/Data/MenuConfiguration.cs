using Khilafat.Web.Menus;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> item)
    {
        item.Property(i => i.Menu).HasMaxLength(16);
        item.Property(i => i.Culture).HasMaxLength(8);
        item.Property(i => i.Label).HasMaxLength(MenuItem.LabelMaxLength);
        item.Property(i => i.Href).HasMaxLength(MenuItem.HrefMaxLength);
        item.HasIndex(i => new { i.Menu, i.Culture, i.Position });
    }
}
