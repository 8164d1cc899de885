using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationGrantConfiguration : IEntityTypeConfiguration<IntegrationGrant>
{
    public void Configure(EntityTypeBuilder<IntegrationGrant> builder)
    {
        builder.ToTable("integration_grants");
        builder.HasKey(g => new { g.GroupId, g.Id });
        builder.Property(g => g.ClientId).HasMaxLength(IntegrationGrant.ClientIdMaxLength);
        // A text[]: the partner check asks "= ANY(scopes)" in the same statement as the grant lookup.
        builder.Property(g => g.Scopes).HasColumnType("text[]");
        builder.Ignore(g => g.IsActive);
        builder.HasOne<Group>().WithMany().HasForeignKey(g => g.GroupId);
        // At most one active grant per client and group; also the index every partner request reads.
        builder
            .HasIndex(g => new { g.GroupId, g.ClientId })
            .IsUnique()
            .HasFilter("revoked_at IS NULL");
        // Disabling a client revokes its grants in every group.
        builder.HasIndex(g => g.ClientId).HasFilter("revoked_at IS NULL");
        // The RESTRICT foreign key from granted_by to the users table is added in the migration
        // by name, as for memberships.
    }
}
