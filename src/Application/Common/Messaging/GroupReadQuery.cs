namespace Ledger.Application.Common.Messaging;

/// <summary>
/// A read of one group's records (an expense, a settlement, a recurring expense, receipts), for
/// the group's members and partners with <c>ledger.read</c>: the access every such query
/// states, declared once.
/// </summary>
public abstract record GroupReadQuery<TResult>(GroupId GroupId) : IQuery<TResult>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}
