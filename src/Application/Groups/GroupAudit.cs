using Ledger.Domain.Groups;

namespace Ledger.Application.Groups;

/// <summary>
/// The audit actions of groups and memberships. Records name ids only (group, membership,
/// invite); who is affected is found through the membership id, never by a name or email.
/// </summary>
public static class GroupAudit
{
    public const string GroupRecord = "group";
    public const string MembershipRecord = "membership";
    public const string InviteRecord = "invite";

    public const string Created = "group.created";
    public const string SettingsUpdated = "group.settings-updated";
    public const string InviteCreated = "group.invite-created";
    public const string InviteRevoked = "group.invite-revoked";
    public const string MemberJoined = "group.member-joined";
    public const string MemberPromoted = "group.member-promoted";
    public const string MemberDemoted = "group.member-demoted";
    public const string OwnershipTransferred = "group.ownership-transferred";
    public const string MemberRemoved = "group.member-removed";
    public const string MemberLeft = "group.member-left";
    public const string Archived = "group.archived";
    public const string ArchiveRestored = "group.archive-restored";
    public const string DeletionRequested = "group.deletion-requested";
    public const string Deleted = "group.deleted";
    public const string DeletionRestored = "group.deletion-restored";
    public const string Purged = "group.purged";
}

/// <summary>The two records group audit events name: the group itself, or one membership.</summary>
internal static class GroupAuditTrail
{
    public static void RecordGroup(this AuditTrail audit, string action, Group group) =>
        audit.Record(action, GroupAudit.GroupRecord, group.Id, group.Id);

    public static void RecordMembership(
        this AuditTrail audit,
        string action,
        Membership membership
    ) => audit.Record(action, GroupAudit.MembershipRecord, membership.Id, membership.GroupId);
}
