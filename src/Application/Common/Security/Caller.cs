using Ledger.Domain.Groups;

namespace Ledger.Application.Common.Security;

/// <summary>
/// Who sends the current message, as the authorization behaviour resolved it from the message's
/// <see cref="Access"/>, once, before the handler runs: the principal's ids, the access that was
/// granted and, for a group message, the caller's active role in that group (null for partners).
/// Handlers read this instead of asking the database again who the caller is (ADR 0014).
/// </summary>
public sealed class Caller(ICurrentPrincipal principal)
{
    private Resolved? _current;

    public UserId? UserId => principal.UserId;

    public string? ClientId => principal.ClientId;

    public bool IsPartner => principal.IsPartner;

    /// <summary>The actor recorded on what the caller creates: the user, else the client.</summary>
    public Actor Actor =>
        principal.IsPartner && principal.ClientId is { } clientId
            ? Actor.Client(clientId)
            : Actor.User(principal.RequireUserId());

    /// <summary>The access the current message declared and was granted.</summary>
    public Access Access =>
        _current?.Access
        ?? throw new InvalidOperationException("No message has been authorized in this scope.");

    /// <summary>The group the current message is about, if any.</summary>
    public GroupId? GroupId => _current?.Access.GroupId;

    /// <summary>The caller's active role in <see cref="GroupId"/> (null for partners and non-members).</summary>
    public GroupRole? Role => _current?.Role;

    /// <summary>What a partner may do with the group under the current message.</summary>
    public PartnerUse PartnerUse =>
        principal.IsPartner && _current?.Access is Access.GroupAccessRequirement group
            ? group.Partners
            : PartnerUse.None;

    /// <summary>
    /// Sets what the current message was granted until the returned scope ends; a message sent by
    /// a handler gets its own and the outer message's comes back after it.
    /// </summary>
    internal IDisposable Enter(Access access, GroupRole? role)
    {
        var outer = _current;
        _current = new Resolved(access, role);
        return new Restore(this, outer);
    }

    private sealed record Resolved(Access Access, GroupRole? Role);

    private sealed class Restore(Caller caller, Resolved? outer) : IDisposable
    {
        public void Dispose() => caller._current = outer;
    }
}
