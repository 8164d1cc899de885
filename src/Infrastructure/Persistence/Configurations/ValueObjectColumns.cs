using System.Linq.Expressions;
using Ledger.Domain.Audit;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

/// <summary>
/// The domain's value objects as EF Core complex types, on the columns the baseline created
/// (docs/decisions/0084). Column names are explicit, so the mapping shows the columns it uses.
/// <c>FromSql</c> ignores them for complex types (EF 10 reads <c>CreatedBy_ClientId</c>,
/// dotnet/efcore#36847): a raw SQL read of whole rows aliases those columns, as the recurring
/// claim does.
/// </summary>
internal static class ValueObjectColumns
{
    /// <summary>A user or a partner client: <c>{columns}_user_id</c> and <c>{columns}_client_id</c>.</summary>
    public static Action<ComplexPropertyBuilder<Actor>> Actor(string columns) =>
        actor =>
        {
            actor.Property(a => a.UserId).HasColumnName($"{columns}_user_id");
            actor
                .Property(a => a.ClientId)
                .HasColumnName($"{columns}_client_id")
                .HasMaxLength(Domain.Common.Actor.ClientIdMaxLength);
        };

    /// <summary>
    /// An actor the record cannot exist without and, when <paramref name="constraint"/> is
    /// named, the check that exactly one of its columns is set, so no other writer can store
    /// nobody or both.
    /// </summary>
    public static void HasActor<TEntity>(
        this EntityTypeBuilder<TEntity> builder,
        Expression<Func<TEntity, Actor>> actor,
        string columns,
        string? constraint = null
    )
        where TEntity : class
    {
        builder.ComplexProperty(actor, Actor(columns));
        if (constraint is not null)
        {
            builder.ToTable(table =>
                table.HasCheckConstraint(
                    constraint,
                    $"({columns}_user_id IS NULL) <> ({columns}_client_id IS NULL)"
                )
            );
        }
    }

    /// <summary>
    /// The record's <see cref="VoidRecord"/>, optional (all four columns null while the record
    /// counts), and the check <paramref name="constraint"/> that a void is complete: a time and
    /// a reason, or neither. The reason keeps its column name <c>void_reason</c>.
    /// </summary>
    public static void HasVoid<TEntity>(
        this EntityTypeBuilder<TEntity> builder,
        Expression<Func<TEntity, VoidRecord?>> voided,
        string constraint
    )
        where TEntity : class
    {
        builder.ComplexProperty(
            voided,
            record =>
            {
                record.Property(v => v.At).HasColumnName("voided_at");
                record
                    .Property(v => v.Reason)
                    .HasColumnName("void_reason")
                    .HasMaxLength(AuditEvent.ReasonMaxLength);
                record.ComplexProperty(v => v.By, Actor("voided_by"));
            }
        );
        builder.ToTable(table =>
            table.HasCheckConstraint(constraint, "(voided_at IS NULL) = (void_reason IS NULL)")
        );
    }
}
