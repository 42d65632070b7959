using Khilafat.Web.Relief;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khilafat.Web.Data;

internal sealed class ReliefOrganisationConfiguration : IEntityTypeConfiguration<ReliefOrganisation>
{
    public void Configure(EntityTypeBuilder<ReliefOrganisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(ReliefOrganisation.NameMaxLength);
        organisation.Property(o => o.Description).HasMaxLength(ReliefOrganisation.DescriptionMaxLength);
        organisation.Property(o => o.Registry).HasMaxLength(ReliefOrganisation.RegistryMaxLength);
        organisation.Property(o => o.RegistrationNumber).HasMaxLength(ReliefOrganisation.RegistrationNumberMaxLength);
        organisation.Property(o => o.Url).HasMaxLength(ReliefOrganisation.UrlMaxLength);
        organisation.Property(o => o.LastCheckedBy).HasMaxLength(256);
        organisation.HasIndex(o => o.SortOrder);
    }
}
