namespace Ledger.Application.Groups.Commands.RestoreArchivedGroup;

/// <summary>
/// Brings an archived group back to active, with the caller as its owner. A former owner only
/// (ListMyGroups with IncludeArchived shows them these groups). No validator: the group id is
/// the only input, and authorization has already resolved it. Handled by
/// <see cref="GroupRestoringHandler"/>.
/// </summary>
public sealed record RestoreArchivedGroup(GroupId GroupId) : ICommand<GroupDto>, IRequiresAccess
{
    public Access Access => Access.GroupFormerOwner(GroupId);
}
