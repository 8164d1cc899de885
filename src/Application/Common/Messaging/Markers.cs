using Ledger.Domain.Common;

namespace Ledger.Application.Common.Messaging;

/// <summary>A message anyone may send, signed in or not (registration, for example).</summary>
public interface IAllowAnonymous;

/// <summary>What a caller needs in a group to send a group-scoped message.</summary>
public enum GroupAccess
{
    /// <summary>An active member (or a partner with a read grant, once partners exist).</summary>
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
