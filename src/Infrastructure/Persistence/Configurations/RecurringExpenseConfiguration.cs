using System.Text.Json;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Recurrence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

// A recurring expense keeps its template's members as one jsonb document: they are read and
// replaced whole, never queried one by one. Occurrences key on (group, template, date), which is
// what makes generation exactly-once, and reference their expense by (group_id, expense_id).

internal sealed class RecurringExpenseConfiguration : IEntityTypeConfiguration<RecurringExpense>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<RecurringExpense> builder)
    {
        builder.ToTable(
            "recurring_expenses",
            table =>
            {
                table.HasCheckConstraint(
                    "ck_recurring_expenses_total_positive",
                    "total_minor_units > 0"
                );
                table.HasCheckConstraint(
                    "ck_recurring_expenses_interval",
                    $"interval BETWEEN 1 AND {RecurrenceRule.MaxInterval}"
                );
            }
        );
        builder.HasKey(r => new { r.GroupId, r.Id });
        builder.HasIndex(r => r.Id).IsUnique();
        builder.Property(r => r.Description).HasMaxLength(Expense.DescriptionMaxLength);
        builder.Property(r => r.Note).HasMaxLength(Expense.NoteMaxLength);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.SplitType).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.SuspendedReason).HasMaxLength(64);
        builder.HasActor(r => r.CreatedBy, "created_by", "ck_recurring_expenses_one_creator");
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder
            .Property<List<TemplateMember>>("_members")
            .HasColumnName("members")
            .HasColumnType("jsonb")
            .HasConversion(
                members => JsonSerializer.Serialize(members, Json),
                json => JsonSerializer.Deserialize<List<TemplateMember>>(json, Json) ?? new(),
                new ValueComparer<List<TemplateMember>>(
                    (a, b) => a!.SequenceEqual(b!),
                    members => members.Aggregate(0, (hash, m) => HashCode.Combine(hash, m)),
                    members => members.ToList()
                )
            );
        builder.Ignore(r => r.Members);
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.Total);
        builder.Ignore(r => r.Rule);

        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId);
        // The worker's claim: active templates by when their next occurrence is due.
        builder.HasIndex(r => r.NextDueAt).HasFilter("next_due_at IS NOT NULL");
        builder.HasIndex(r => new { r.GroupId, r.CreatedAt });
        // The creator's user foreign key is added in the Baseline migration.
    }
}

internal sealed class RecurringExpenseOccurrenceConfiguration
    : IEntityTypeConfiguration<RecurringExpenseOccurrence>
{
    public void Configure(EntityTypeBuilder<RecurringExpenseOccurrence> builder)
    {
        builder.ToTable("recurring_expense_occurrences");
        builder.HasKey(o => new
        {
            o.GroupId,
            o.RecurringExpenseId,
            o.OccurrenceDate,
        });
        builder
            .HasOne<RecurringExpense>()
            .WithMany()
            .HasForeignKey(o => new { o.GroupId, o.RecurringExpenseId });
        builder.HasOne<Expense>().WithMany().HasForeignKey(o => new { o.GroupId, o.ExpenseId });
        builder.HasIndex(o => new { o.GroupId, o.ExpenseId }).IsUnique();
    }
}
