namespace Ledger.Application.Groups.Commands.RestoreDeletedGroup;

/// <summary>
/// Undoes a deletion within 30 days of it. An owner of the deleted group only (memberships are
/// left as they were by the deletion). No validator: the group id is the only input, and
/// authorization has already resolved it. Handled by <see cref="GroupRestoringHandler"/>.
/// </summary>
public sealed record RestoreDeletedGroup(GroupId GroupId) : ICommand<GroupDto>, IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId, includingDeleted: true);
}
