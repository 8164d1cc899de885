using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Operations;
using Ledger.Domain.Settlements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

// Like expenses: money in minor units next to its currency, keyed by group, check constraints
// repeating the domain's invariants. User foreign keys: the Baseline migration.

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> builder)
    {
        builder.ToTable(
            "settlements",
            table =>
            {
                table.HasCheckConstraint(
                    "ck_settlements_amount_positive",
                    "amount_minor_units > 0"
                );
                table.HasCheckConstraint(
                    "ck_settlements_two_members",
                    "from_user_id <> to_user_id"
                );
            }
        );
        builder.HasKey(s => new { s.GroupId, s.Id });
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.Note).HasMaxLength(Settlement.NoteMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasActor(s => s.RecordedBy, "recorded_by", "ck_settlements_one_recorder");
        builder.HasVoid(s => s.Voided, "ck_settlements_void_complete");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.DomainEvents);
        builder.Ignore(s => s.Amount);
        builder.Ignore(s => s.IsVoided);
        builder.Ignore(s => s.Counts);
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId);
        // The list pages newest first on the primary key (ids are time-ordered); the account
        // export finds a member's settlements by these.
        builder.HasIndex(s => s.FromUserId);
        builder.HasIndex(s => s.ToUserId);
    }
}

internal sealed class SplitPaymentConfiguration : IEntityTypeConfiguration<SplitPayment>
{
    public void Configure(EntityTypeBuilder<SplitPayment> builder)
    {
        builder.ToTable(
            "split_payments",
            table =>
            {
                table.HasCheckConstraint(
                    "ck_split_payments_amount_positive",
                    "amount_minor_units > 0"
                );
            }
        );
        builder.HasKey(a => new { a.GroupId, a.Id });
        builder.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasActor(a => a.RecordedBy, "recorded_by", "ck_split_payments_one_recorder");
        builder.HasVoid(a => a.Voided, "ck_split_payments_void_complete");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Amount);
        builder.Ignore(a => a.IsVoided);
        builder.Ignore(a => a.Counts);
        // A child of the expense aggregate: Expense.RecordSplitPayment adds it to the expense's
        // SplitPayments, and saving the expense inserts it.
        builder
            .HasOne<Expense>()
            .WithMany(e => e.SplitPayments)
            .HasForeignKey(a => new { a.GroupId, a.ExpenseId });
        builder.HasOne<ExpenseSplit>().WithMany().HasForeignKey(a => new { a.GroupId, a.SplitId });
        builder.HasIndex(a => new
        {
            a.GroupId,
            a.ExpenseId,
            a.Id,
        });
        builder.HasIndex(a => a.DebtorUserId);
        builder.HasIndex(a => a.PayeeUserId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        // The unique constraint the first writer wins on: no check-then-insert.
        builder.HasKey(r => new { r.Caller, r.Key });
        builder.Property(r => r.Caller).HasMaxLength(IdempotencyRecord.CallerMaxLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.ResponseJson).HasColumnType("text");
        builder.HasIndex(r => r.ExpiresAt);
    }
}
