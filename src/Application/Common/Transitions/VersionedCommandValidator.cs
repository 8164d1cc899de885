using Ledger.Application.Groups;

namespace Ledger.Application.Common.Transitions;

/// <summary>
/// The rule every versioned command shares: the version the client last saw is a version. A
/// command with more input derives from this and adds its own rules.
/// </summary>
public abstract class VersionedCommandValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : IVersionedCommand
{
    protected VersionedCommandValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}
