using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

// Money is stored as whole minor units (bigint) next to its ISO 4217 code, never as a float.
// Every expense table carries group_id and keys on it, and the children reference their expense
// by (group_id, expense_id), so the whole expense lives on one shard (docs/decisions/0005).
// Check constraints repeat the money invariants the domain guards, so no other writer can
// break them either.

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.ToTable(
            "expenses",
            table => table.HasCheckConstraint("ck_expenses_total_positive", "total_minor_units > 0")
        );
        builder.HasKey(e => new { e.GroupId, e.Id });
        builder.Property(e => e.Description).HasMaxLength(Expense.DescriptionMaxLength);
        builder.Property(e => e.Note).HasMaxLength(Expense.NoteMaxLength);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.SplitType).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.RestSplitType).HasConversion<string>().HasMaxLength(16);
        builder.HasActor(e => e.CreatedBy, "created_by", "ck_expenses_one_creator");
        builder.HasVoid(e => e.Voided, "ck_expenses_void_complete");
        builder.Property(e => e.ImportId).HasMaxLength(Expense.ImportIdMaxLength);
        // Racing writers that read the same version: only the first update applies (R3).
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.DomainEvents);
        builder.Ignore(e => e.Total);
        builder.Ignore(e => e.IsVoided);

        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId);
        builder.HasMany(e => e.Payers).WithOne().HasForeignKey(p => new { p.GroupId, p.ExpenseId });
        builder.HasMany(e => e.Splits).WithOne().HasForeignKey(s => new { s.GroupId, s.ExpenseId });
        builder.HasMany(e => e.Items).WithOne().HasForeignKey(i => new { i.GroupId, i.ExpenseId });
        builder.Navigation(e => e.Payers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.Splits).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.SplitPayments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The list of a group's expenses, newest first, and its filters.
        builder
            .HasIndex(e => new
            {
                e.GroupId,
                e.Date,
                e.Id,
            })
            .IsDescending(false, true, true);
        builder
            .HasIndex(e => new
            {
                e.GroupId,
                e.Category,
                e.Date,
                e.Id,
            })
            .IsDescending(false, false, true, true);
        // An imported row exists once per group: importing the same file again (or racing two
        // imports of it) cannot create it twice.
        builder
            .HasIndex(e => new { e.GroupId, e.ImportId })
            .IsUnique()
            .HasFilter("import_id IS NOT NULL");
        // The user foreign keys (creator, voider) are added in the migration by name: EF cannot
        // relate the strongly typed UserId to Identity's Guid key (see the Baseline migration).
    }
}

internal sealed class ExpensePayerConfiguration : IEntityTypeConfiguration<ExpensePayer>
{
    public void Configure(EntityTypeBuilder<ExpensePayer> builder)
    {
        builder.ToTable(
            "expense_payers",
            table =>
                table.HasCheckConstraint("ck_expense_payers_paid_positive", "paid_minor_units > 0")
        );
        builder.HasKey(p => new
        {
            p.GroupId,
            p.ExpenseId,
            p.UserId,
        });
        // "Expenses a member paid for": the member filter of the list.
        builder.HasIndex(p => new
        {
            p.GroupId,
            p.UserId,
            p.ExpenseId,
        });
    }
}

internal sealed class ExpenseSplitConfiguration : IEntityTypeConfiguration<ExpenseSplit>
{
    public void Configure(EntityTypeBuilder<ExpenseSplit> builder)
    {
        builder.ToTable(
            "expense_splits",
            table =>
            {
                table.HasCheckConstraint("ck_expense_splits_owed", "owed_minor_units >= 0");
                table.HasCheckConstraint(
                    "ck_expense_splits_settled",
                    "settled_minor_units BETWEEN covered_by_own_payment_minor_units AND owed_minor_units"
                );
            }
        );
        // Splits have their own id: payments against a split (settling up) will reference it.
        builder.HasKey(s => new { s.GroupId, s.Id });
        builder
            .HasIndex(s => new
            {
                s.GroupId,
                s.ExpenseId,
                s.UserId,
            })
            .IsUnique();
        builder.HasIndex(s => new
        {
            s.GroupId,
            s.UserId,
            s.ExpenseId,
        });
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        // Percentages and shares may have any number of decimals: stored exactly.
        builder.Property(s => s.Weight).HasColumnType("numeric");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(s => s.Owed);
        builder.Ignore(s => s.Settled);
        builder.Ignore(s => s.Remaining);
        builder.Ignore(s => s.HasRecordedPayments);
    }
}

internal sealed class ExpenseItemConfiguration : IEntityTypeConfiguration<ExpenseItem>
{
    public void Configure(EntityTypeBuilder<ExpenseItem> builder)
    {
        builder.ToTable(
            "expense_items",
            table =>
                table.HasCheckConstraint("ck_expense_items_price_positive", "price_minor_units > 0")
        );
        builder.HasKey(i => new
        {
            i.GroupId,
            i.ExpenseId,
            i.ListItemId,
        });
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.ToTable(
            "receipts",
            table => table.HasCheckConstraint("ck_receipts_size_positive", "size_bytes > 0")
        );
        builder.HasKey(r => new { r.GroupId, r.Id });
        builder.Property(r => r.Sha256).HasMaxLength(Receipt.Sha256Length).IsFixedLength();
        builder.Property(r => r.ContentType).HasMaxLength(Receipt.ContentTypeMaxLength);
        builder.HasActor(r => r.UploadedBy, "uploaded_by", "ck_receipts_one_uploader");
        builder.ComplexProperty(
            r => r.Detached,
            detached =>
            {
                detached.Property(d => d.At).HasColumnName("detached_at");
                detached.ComplexProperty(d => d.By, ValueObjectColumns.Actor("detached_by"));
            }
        );
        builder.Ignore(r => r.IsDetached);
        // Restrict: a receipt never disappears with its expense (expenses are voided, not deleted).
        builder
            .HasOne<Expense>()
            .WithMany()
            .HasForeignKey(r => new { r.GroupId, r.ExpenseId })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.GroupId, r.ExpenseId });
        // The orphan purge asks whether any attached receipt still names a file.
        builder.HasIndex(r => r.Sha256);
    }
}
