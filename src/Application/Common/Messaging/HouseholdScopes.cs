using Ledger.Domain.Common;

namespace Ledger.Application.Common.Messaging;

// Lists and chores are personal or a group's; these markers tell the authorization behaviour
// which one a message is about, so that HouseholdAccess can apply the one rule before the
// handler runs.

/// <summary>A message about one shopping list (or its items), addressed by the list's own id.</summary>
public interface IListScoped
{
    ListId ListId { get; }
}

/// <summary>A message about one chore (or its assignments and history), addressed by the chore's own id.</summary>
public interface IChoreScoped
{
    ChoreId ChoreId { get; }
}

/// <summary>
/// A message that creates or lists lists or chores: with a group id, the group's (its members
/// only); without, the caller's own personal ones.
/// </summary>
public interface IPersonalOrGroupScoped
{
    GroupId? GroupId { get; }
}
