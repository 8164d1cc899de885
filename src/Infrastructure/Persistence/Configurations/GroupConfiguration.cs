using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

// Every table of group data carries group_id, and keys between group tables include it, so the
// schema can be distributed by group (Citus) without a rewrite: see docs/decisions.

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(Group.NameMaxLength);
        builder.Property(g => g.DefaultCurrency).HasMaxLength(3).IsFixedLength();
        builder.Property(g => g.TimeZoneId).HasMaxLength(64);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Ignore(g => g.DomainEvents);
        builder.Ignore(g => g.ActiveMembers);

        builder.HasMany(g => g.Memberships).WithOne().HasForeignKey(m => m.GroupId);
        builder.HasMany(g => g.Invites).WithOne().HasForeignKey(i => i.GroupId);
        builder.HasMany(g => g.DeletionRequests).WithOne().HasForeignKey(r => r.GroupId);
        builder.Navigation(g => g.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Invites).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.DeletionRequests).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(m => new { m.GroupId, m.Id });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(m => m.IsActive);
        // The per-user index of memberships: the one cross-group lookup ("my groups").
        builder.HasIndex(m => new { m.UserId, m.GroupId });
        // At most one active membership per user and group.
        builder.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique().HasFilter("left_at IS NULL");
        // The RESTRICT foreign key to the users table is added in the migrations by name: EF cannot
        // relate the strongly typed UserId to Identity's Guid key.
    }
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("invites");
        builder.HasKey(i => new { i.GroupId, i.Id });
        // A hex SHA-256 of the code. Joining looks the hash up without knowing the group.
        builder.Property(i => i.CodeHash).HasMaxLength(64);
        builder.HasIndex(i => new { i.GroupId, i.CodeHash }).IsUnique();
        builder.HasIndex(i => i.CodeHash);
        // Two joins racing for the last use: only the first update of Uses applies.
        builder.Property(i => i.Uses).IsConcurrencyToken();
    }
}

internal sealed class GroupDeletionRequestConfiguration
    : IEntityTypeConfiguration<GroupDeletionRequest>
{
    public void Configure(EntityTypeBuilder<GroupDeletionRequest> builder)
    {
        builder.ToTable("group_deletion_requests");
        builder.HasKey(r => new { r.GroupId, r.Id });
        builder.Property(r => r.TokenHash).HasMaxLength(64);
    }
}
