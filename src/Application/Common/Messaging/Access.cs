namespace Ledger.Application.Common.Messaging;

/// <summary>
/// Every command and query says, once, who may send it (ADR 0014): a message declares its
/// <see cref="Access"/> and nothing else about access. A message without one is refused by the
/// authorization behaviour and fails the architecture test that enumerates every message.
/// </summary>
/// <example>
/// <code>
/// public sealed record PaySplit(GroupId GroupId, ...) : ICommand&lt;SplitPaymentDto&gt;, IRequiresAccess
/// {
///     public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
/// }
/// </code>
/// </example>
public interface IRequiresAccess
{
    Access Access { get; }
}

/// <summary>
/// The closed set of access requirements. The constructor is private, so the cases below are
/// all there are; the authorization behaviour handles each one (docs/requirements.md, "Access").
/// </summary>
public abstract class Access
{
    private Access() { }

    /// <summary>Anyone, signed in or not (registration, password reset).</summary>
    public static Access Anonymous { get; } = new AnonymousAccess();

    /// <summary>A signed-in user (or admin) acting for themselves; never a partner.</summary>
    public static Access SignedInUser { get; } = new SignedInUserAccess();

    /// <summary>
    /// A platform admin only. Anyone else gets 404: the admin API does not reveal that it exists.
    /// </summary>
    public static Access Admin { get; } = new AdminAccess();

    /// <summary>
    /// The worker's system principal only: scheduled maintenance that acts across groups.
    /// No HTTP endpoint sends one.
    /// </summary>
    public static Access System { get; } = new SystemAccess();

    /// <summary>
    /// An active member of the group; partners with a grant on the group only as
    /// <paramref name="partners"/> says (<see cref="PartnerUse.Read"/> needs <c>ledger.read</c>,
    /// <see cref="PartnerUse.Write"/> needs <c>ledger.write</c>). Anyone else: 404.
    /// </summary>
    public static Access GroupMember(GroupId groupId, PartnerUse partners) =>
        new GroupAccessRequirement(
            groupId,
            GroupAccess.Member,
            partners,
            allowsDeletedGroup: false
        );

    /// <summary>An active owner of the group (members: 403, others: 404); never a partner.</summary>
    public static Access GroupOwner(GroupId groupId, bool includingDeleted = false) =>
        new GroupAccessRequirement(
            groupId,
            GroupAccess.Owner,
            PartnerUse.None,
            allowsDeletedGroup: includingDeleted
        );

    /// <summary>Someone who was an owner of the group at any time (restoring an archived group).</summary>
    public static Access GroupFormerOwner(GroupId groupId) =>
        new GroupAccessRequirement(
            groupId,
            GroupAccess.FormerOwner,
            PartnerUse.None,
            allowsDeletedGroup: false
        );

    /// <summary>
    /// One shopping list (or its items): its owner if personal, the group's active members if a
    /// group's. Anyone else: 404. Never a partner.
    /// </summary>
    public static Access List(ListId listId) => new ListAccess(listId);

    /// <summary>One chore (or its assignments and history), by the same rule as lists.</summary>
    public static Access Chore(ChoreId choreId) => new ChoreAccess(choreId);

    /// <summary>
    /// Creating or listing lists or chores: with a group id, the group's (active members only);
    /// without, the caller's own personal ones. Never a partner.
    /// </summary>
    public static Access PersonalOrGroup(GroupId? groupId) => new PersonalOrGroupAccess(groupId);

    /// <summary>The group this requirement is about, if any (for logs).</summary>
    public virtual GroupId? GroupId => null;

    public sealed class AnonymousAccess : Access;

    public sealed class SignedInUserAccess : Access;

    public sealed class AdminAccess : Access;

    public sealed class SystemAccess : Access;

    public sealed class GroupAccessRequirement(
        GroupId group,
        GroupAccess required,
        PartnerUse partners,
        bool allowsDeletedGroup
    ) : Access
    {
        public GroupId Group { get; } = group;

        public GroupAccess Required { get; } = required;

        public PartnerUse Partners { get; } = partners;

        public bool AllowsDeletedGroup { get; } = allowsDeletedGroup;

        public override GroupId? GroupId => Group;
    }

    public sealed class ListAccess(ListId listId) : Access
    {
        public ListId ListId { get; } = listId;
    }

    public sealed class ChoreAccess(ChoreId choreId) : Access
    {
        public ChoreId ChoreId { get; } = choreId;
    }

    public sealed class PersonalOrGroupAccess(GroupId? group) : Access
    {
        public GroupId? Group { get; } = group;

        public override GroupId? GroupId => Group;
    }
}

/// <summary>What a caller needs in a group to send a group-scoped message.</summary>
public enum GroupAccess
{
    /// <summary>An active member (or a partner with a grant, see <see cref="PartnerUse"/>).</summary>
    Member,

    /// <summary>An active owner.</summary>
    Owner,

    /// <summary>Someone who was an owner at any time (restoring an archived group).</summary>
    FormerOwner,
}

/// <summary>What a message would let a partner do in a group, if anything.</summary>
public enum PartnerUse
{
    /// <summary>Not open to partners (membership changes, owner actions).</summary>
    None,

    /// <summary>
    /// Reads group data, or changes only the partner's own arrangements about the group (its
    /// webhook subscriptions): needs <c>ledger.read</c>.
    /// </summary>
    Read,

    /// <summary>Changes group data: needs <c>ledger.write</c>.</summary>
    Write,
}
