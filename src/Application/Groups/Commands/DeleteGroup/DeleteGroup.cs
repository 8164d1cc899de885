using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.DeleteGroup;

/// <summary>
/// The second step of deleting a group: the token from <c>RequestGroupDeletion</c> and the
/// group's name typed exactly, by the owner who asked, at the version they saw, while no
/// balance is open. Soft: the group is hidden and an owner can restore it for 30 days.
/// </summary>
public sealed record DeleteGroup(
    GroupId GroupId,
    string ConfirmationToken,
    string ConfirmationName,
    int ExpectedVersion
) : ICommand, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class DeleteGroupValidator : AbstractValidator<DeleteGroup>
{
    public DeleteGroupValidator()
    {
        RuleFor(c => c.ConfirmationToken).NotEmpty().MaximumLength(100);
        // Longer than any name can be: a mismatch, reported as one by the domain.
        RuleFor(c => c.ConfirmationName).NotEmpty().MaximumLength(Group.NameMaxLength * 2);
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class DeleteGroupHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceReader balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<DeleteGroup>
{
    public async ValueTask<Unit> Handle(DeleteGroup command, CancellationToken cancellationToken)
    {
        var tokenHash = SecretTokens.Hash(command.ConfirmationToken);
        var group = await db.LockAndLoadAsync(
            command.GroupId,
            new GroupWithDeletionRequestSpec(command.GroupId, tokenHash),
            cancellationToken
        );
        command.EnsureCurrent(group, GroupAudit.GroupRecord);
        var openCurrencies = await balances.OpenCurrenciesOfGroupAsync(group.Id, cancellationToken);

        group.Delete(
            principal.RequireUserId(),
            tokenHash,
            command.ConfirmationName,
            openCurrencies,
            clock.GetUtcNow()
        );
        audit.RecordGroup(GroupAudit.Deleted, group);
        return Unit.Value;
    }
}
