using Ledger.Application.Groups.Specifications;

namespace Ledger.Application.Groups.Commands.RequestGroupDeletion;

/// <summary>
/// The first step of deleting a group: a confirmation token, valid for a few minutes, for this
/// owner only. Only its hash is stored. No validator: the group id is the only input, and
/// authorization has already resolved it.
/// </summary>
public sealed record RequestGroupDeletion(GroupId GroupId)
    : ICommand<GroupDeletionConfirmationDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed record GroupDeletionConfirmationDto(
    string ConfirmationToken,
    DateTimeOffset ExpiresAt
);

public sealed class RequestGroupDeletionHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RequestGroupDeletion, GroupDeletionConfirmationDto>
{
    /// <summary>256 bits: the token authorizes the most destructive act a group has.</summary>
    private const int TokenBytes = 32;

    public async ValueTask<GroupDeletionConfirmationDto> Handle(
        RequestGroupDeletion command,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LoadAsync(
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );
        var token = SecretTokens.Create(TokenBytes);

        var request = group.RequestDeletion(
            principal.RequireUserId(),
            SecretTokens.Hash(token),
            clock.GetUtcNow()
        );
        audit.RecordGroup(GroupAudit.DeletionRequested, group);
        return new GroupDeletionConfirmationDto(token, request.ExpiresAt);
    }
}
