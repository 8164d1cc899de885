using Ledger.Application.Groups;
using Ledger.Domain.Audit;

namespace Ledger.Application.Common.Transitions;

/// <summary>
/// A command that voids a financial record (an expense, a settlement, a split payment): it
/// states why, and the version the client last saw.
/// </summary>
public interface IVoidCommand : IVersionedCommand
{
    string Reason { get; }
}

/// <summary>
/// The rules every void shares: a reason that fits the audit trail, then the version rule of
/// <see cref="VersionedCommandValidator{TCommand}"/>.
/// </summary>
public abstract class VoidCommandValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : IVoidCommand
{
    protected VoidCommandValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(AuditEvent.ReasonMaxLength);
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}
