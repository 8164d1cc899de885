using Ledger.Domain.Common;

namespace Ledger.Application.Common.Messaging;

/// <summary>A message anyone may send, signed in or not (registration, for example).</summary>
public interface IAllowAnonymous;

/// <summary>
/// A message only platform admins may send. Anyone else gets 404: the admin API does not
/// reveal that it exists.
/// </summary>
public interface IRequirePlatformAdmin;

/// <summary>
/// A group-scoped command that changes group data and that partners may send with a
/// <c>ledger.write</c> grant (creating an expense, for example). Group-scoped commands without
/// this marker are never open to partners; group-scoped queries are, with <c>ledger.read</c>.
/// </summary>
public interface IGroupWrite;

/// <summary>
/// A group-scoped command that changes none of the group's data, only the caller's own
/// arrangements about it (a partner's webhook subscriptions): a partner's read grant suffices.
/// </summary>
public interface IGroupReadCommand;

/// <summary>What a caller needs in a group to send a group-scoped message.</summary>
public enum GroupAccess
{
    /// <summary>An active member (or a partner with a grant, see <see cref="IGroupWrite"/>).</summary>
    Member,

    /// <summary>An active owner.</summary>
    Owner,

    /// <summary>Someone who was an owner at any time (restoring an archived group).</summary>
    FormerOwner,
}

/// <summary>
/// A message about one group. The authorization behaviour checks the caller's membership and
/// role in the database before the handler runs; a caller who may not read the group gets 404.
/// </summary>
public interface IGroupScoped
{
    GroupId GroupId { get; }

    GroupAccess RequiredAccess { get; }

    /// <summary>Deleted groups are invisible except to messages that restore them.</summary>
    bool AllowsDeletedGroup => false;
}

/// <summary>A change to a versioned resource, carrying the version the client last saw.</summary>
public interface IVersionedCommand
{
    int ExpectedVersion { get; }
}
