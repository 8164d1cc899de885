using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        // No foreign keys on purpose: the trail must outlive anything it mentions.
        builder.ToTable("audit_events");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.RecordType).HasMaxLength(64);
        builder.Property(a => a.RecordId).HasMaxLength(64);
        builder.Property(a => a.ActorClientId).HasMaxLength(100);
        builder.Property(a => a.Reason).HasMaxLength(AuditEvent.ReasonMaxLength);
        builder.HasIndex(a => new { a.GroupId, a.OccurredAt });
    }
}

internal sealed class MemberBalanceConfiguration : IEntityTypeConfiguration<MemberBalance>
{
    public void Configure(EntityTypeBuilder<MemberBalance> builder)
    {
        builder.ToTable("member_balances");
        builder.HasKey(b => new
        {
            b.GroupId,
            b.UserId,
            b.Currency,
        });
        builder.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<Group>().WithMany().HasForeignKey(b => b.GroupId);
    }
}
