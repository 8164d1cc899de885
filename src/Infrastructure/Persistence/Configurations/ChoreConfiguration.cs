using Ledger.Domain.Chores;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class ChoreConfiguration : IEntityTypeConfiguration<Chore>
{
    public void Configure(EntityTypeBuilder<Chore> builder)
    {
        builder.ToTable(
            "chores",
            table =>
            {
                table.HasCheckConstraint(
                    "ck_chores_personal_or_group",
                    "(group_id IS NULL) <> (owner_user_id IS NULL)"
                );
                // Personal chores keep their own zone; group chores follow the group's.
                table.HasCheckConstraint(
                    "ck_chores_time_zone",
                    "(group_id IS NULL) = (time_zone_id IS NOT NULL)"
                );
            }
        );
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Chore.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Chore.DescriptionMaxLength);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Property(c => c.Rotation).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.ComplexProperty(
            c => c.Frequency,
            frequency =>
            {
                frequency.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
                frequency.Ignore(f => f.Weekdays);
                frequency.Ignore(f => f.IsRecurring);
            }
        );
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.Ownership);
        builder.Ignore(c => c.IsArchived);
        builder.Ignore(c => c.ActiveParticipants);
        builder.Ignore(c => c.OpenAssignments);

        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId);
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ChoreId);
        builder.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.ChoreId);
        // Only ever appended through the chore (never loaded with it): new events are inserted.
        builder.HasMany(c => c.RecordedHistory).WithOne().HasForeignKey(e => e.ChoreId);
        builder.Navigation(c => c.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.RecordedHistory).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => new { c.GroupId, c.Id }).HasFilter("group_id IS NOT NULL");
        builder.HasIndex(c => new { c.OwnerUserId, c.Id }).HasFilter("owner_user_id IS NOT NULL");
        // The scheduled job looks for chores whose next occurrence has come due.
        builder.HasIndex(c => new { c.NextDueDate, c.Id }).HasFilter("archived_at IS NULL");
    }
}

internal sealed class ChoreParticipantConfiguration : IEntityTypeConfiguration<ChoreParticipant>
{
    public void Configure(EntityTypeBuilder<ChoreParticipant> builder)
    {
        builder.ToTable("chore_participants");
        builder.HasKey(p => new { p.ChoreId, p.UserId });
        builder.HasOne<Group>().WithMany().HasForeignKey(p => p.GroupId);
        // A member leaving: which of the group's chores they take part in.
        builder.HasIndex(p => new { p.GroupId, p.UserId }).HasFilter("is_active");
    }
}

internal sealed class ChoreAssignmentConfiguration : IEntityTypeConfiguration<ChoreAssignment>
{
    public void Configure(EntityTypeBuilder<ChoreAssignment> builder)
    {
        builder.ToTable("chore_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);
        builder.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId);
        // Each occurrence is assigned once, also when two workers run the job at once.
        builder.HasIndex(a => new { a.ChoreId, a.DueDate }).IsUnique();
        // A member leaving: their open assignments in the group.
        builder.HasIndex(a => new { a.GroupId, a.AssigneeUserId }).HasFilter("status = 'Open'");
    }
}

internal sealed class ChoreEventConfiguration : IEntityTypeConfiguration<ChoreEvent>
{
    public void Configure(EntityTypeBuilder<ChoreEvent> builder)
    {
        builder.ToTable("chore_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasActor(e => e.Actor, "actor");
        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId);
        builder.HasOne<ChoreAssignment>().WithMany().HasForeignKey(e => e.AssignmentId);
        // A chore's history, newest first, paged by its sequence.
        builder.HasIndex(e => new { e.ChoreId, e.Sequence }).IsUnique();
    }
}
