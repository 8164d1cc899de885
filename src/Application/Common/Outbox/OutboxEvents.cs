using System.Text.Json.Nodes;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Common.Outbox;

/// <summary>
/// The one place that turns a domain event into the outbox row partners eventually receive: its
/// stable type, payload version, group and payload. Payloads carry ids, amounts as strings,
/// currencies, actor ids and versions — never emails, names or user-typed text (data
/// minimisation; see docs/webhooks.md, "Event types", which lists <see cref="Catalog"/>). Every
/// domain event must be mapped here (a unit test checks), so a new event cannot silently stay in
/// the process; changing a payload's fields means a new version.
/// </summary>
public static class OutboxEvents
{
    private const string GroupIdField = "groupId";
    private const string VersionField = "version";

    /// <summary>Every payload also carries <c>actor</c>: the <c>userId</c> or <c>clientId</c> that made the change.</summary>
    public const string ActorField = "actor";

    /// <summary>Every event type partners can receive, with its payload fields (besides <c>actor</c>).</summary>
    public static readonly IReadOnlyList<OutboxEventType> Catalog =
    [
        new("group.created", 1, "A group was created.", [GroupIdField, "createdBy"]),
        new(
            "group.archived",
            1,
            "The last member left (or deleted their account): the group is read-only.",
            [GroupIdField, VersionField]
        ),
        new(
            "group.deleted",
            1,
            "An owner deleted the group; it can be restored for 30 days.",
            [GroupIdField, VersionField]
        ),
        new(
            "group.restored",
            1,
            "An archived or deleted group is active again.",
            [GroupIdField, VersionField]
        ),
        new(
            "member.joined",
            1,
            "A user joined (or a former owner restored the archived group).",
            [GroupIdField, "userId", VersionField]
        ),
        new(
            "member.left",
            1,
            "A member left, or deleted their account.",
            [GroupIdField, "userId", VersionField]
        ),
        new(
            "member.removed",
            1,
            "An owner removed a member.",
            [GroupIdField, "userId", VersionField]
        ),
        new(
            "expense.created",
            1,
            "An expense was recorded.",
            [GroupIdField, "expenseId", "amount", "currency", VersionField]
        ),
        new(
            "expense.updated",
            1,
            "An expense was changed.",
            [GroupIdField, "expenseId", "amount", "currency", VersionField]
        ),
        new(
            "expense.voided",
            1,
            "An expense was voided: it no longer counts.",
            [GroupIdField, "expenseId", VersionField]
        ),
        new(
            "split.paid",
            1,
            "A member paid (part of) their share of an expense to one of its payers.",
            [
                GroupIdField,
                "expenseId",
                "splitId",
                "paymentId",
                "fromUserId",
                "toUserId",
                "amount",
                "currency",
                "status",
            ]
        ),
        new(
            "settlement.recorded",
            1,
            "A payment between two members was recorded (confirmed at once when the payee recorded it).",
            [
                GroupIdField,
                "settlementId",
                "fromUserId",
                "toUserId",
                "amount",
                "currency",
                "status",
                VersionField,
            ]
        ),
        new(
            "settlement.confirmed",
            1,
            "The payee confirmed a pending settlement: it counts now.",
            [GroupIdField, "settlementId", VersionField]
        ),
        new(
            "settlement.declined",
            1,
            "The payee declined a pending settlement: it never counts.",
            [GroupIdField, "settlementId", VersionField]
        ),
        new(
            "settlement.voided",
            1,
            "A settlement was voided: it no longer counts.",
            [GroupIdField, "settlementId", VersionField]
        ),
    ];

    public static OutboxMessage ToMessage(
        IDomainEvent domainEvent,
        ICurrentPrincipal principal,
        DateTimeOffset occurredAt
    )
    {
        var (type, version, groupId, data) = Describe(domainEvent);
        data[ActorField] = new JsonObject
        {
            ["userId"] = principal.UserId?.Value.ToString(),
            ["clientId"] = principal.ClientId,
        };
        return OutboxMessage.Create(type, version, groupId, data.ToJsonString(), occurredAt);
    }

    /// <summary>The type, payload version, group and payload data of a domain event.</summary>
    public static (string Type, int Version, GroupId GroupId, JsonObject Data) Describe(
        IDomainEvent domainEvent
    ) =>
        domainEvent switch
        {
            GroupCreated e => (
                "group.created",
                1,
                e.GroupId,
                new()
                {
                    [GroupIdField] = Id(e.GroupId.Value),
                    ["createdBy"] = Id(e.CreatedBy.Value),
                }
            ),
            GroupArchived e => ("group.archived", 1, e.GroupId, Group(e.GroupId, e.Version)),
            GroupDeleted e => ("group.deleted", 1, e.GroupId, Group(e.GroupId, e.Version)),
            GroupRestored e => ("group.restored", 1, e.GroupId, Group(e.GroupId, e.Version)),
            MemberJoined e => (
                "member.joined",
                1,
                e.GroupId,
                Member(e.GroupId, e.UserId, e.Version)
            ),
            MemberLeft e => ("member.left", 1, e.GroupId, Member(e.GroupId, e.UserId, e.Version)),
            MemberRemoved e => (
                "member.removed",
                1,
                e.GroupId,
                Member(e.GroupId, e.UserId, e.Version)
            ),
            ExpenseCreated e => (
                "expense.created",
                1,
                e.GroupId,
                Expense(e.GroupId, e.ExpenseId, e.Amount, e.Currency, e.Version)
            ),
            ExpenseUpdated e => (
                "expense.updated",
                1,
                e.GroupId,
                Expense(e.GroupId, e.ExpenseId, e.Amount, e.Currency, e.Version)
            ),
            ExpenseVoided e => (
                "expense.voided",
                1,
                e.GroupId,
                new()
                {
                    [GroupIdField] = Id(e.GroupId.Value),
                    ["expenseId"] = Id(e.ExpenseId.Value),
                    [VersionField] = e.Version,
                }
            ),
            SplitPaid e => (
                "split.paid",
                1,
                e.GroupId,
                new()
                {
                    [GroupIdField] = Id(e.GroupId.Value),
                    ["expenseId"] = Id(e.ExpenseId.Value),
                    ["splitId"] = Id(e.SplitId.Value),
                    ["paymentId"] = Id(e.PaymentId.Value),
                    ["fromUserId"] = Id(e.FromUserId.Value),
                    ["toUserId"] = Id(e.ToUserId.Value),
                    ["amount"] = e.Amount,
                    ["currency"] = e.Currency,
                    ["status"] = e.Pending ? "pending" : "confirmed",
                }
            ),
            SettlementRecorded e => (
                "settlement.recorded",
                1,
                e.GroupId,
                new()
                {
                    [GroupIdField] = Id(e.GroupId.Value),
                    ["settlementId"] = Id(e.SettlementId.Value),
                    ["fromUserId"] = Id(e.FromUserId.Value),
                    ["toUserId"] = Id(e.ToUserId.Value),
                    ["amount"] = e.Amount,
                    ["currency"] = e.Currency,
                    ["status"] = e.Status.ToString().ToLowerInvariant(),
                    [VersionField] = e.Version,
                }
            ),
            SettlementConfirmed e => (
                "settlement.confirmed",
                1,
                e.GroupId,
                Settlement(e.GroupId, e.SettlementId, e.Version)
            ),
            SettlementDeclined e => (
                "settlement.declined",
                1,
                e.GroupId,
                Settlement(e.GroupId, e.SettlementId, e.Version)
            ),
            SettlementVoided e => (
                "settlement.voided",
                1,
                e.GroupId,
                Settlement(e.GroupId, e.SettlementId, e.Version)
            ),
            _ => throw new InvalidOperationException(
                $"The domain event {domainEvent.GetType().Name} has no outbox mapping."
            ),
        };

    private static string Id(Guid id) => id.ToString();

    private static JsonObject Group(GroupId groupId, int version) =>
        new() { [GroupIdField] = Id(groupId.Value), [VersionField] = version };

    private static JsonObject Member(GroupId groupId, UserId userId, int version) =>
        new()
        {
            [GroupIdField] = Id(groupId.Value),
            ["userId"] = Id(userId.Value),
            [VersionField] = version,
        };

    private static JsonObject Expense(
        GroupId groupId,
        ExpenseId expenseId,
        string amount,
        string currency,
        int version
    ) =>
        new()
        {
            [GroupIdField] = Id(groupId.Value),
            ["expenseId"] = Id(expenseId.Value),
            ["amount"] = amount,
            ["currency"] = currency,
            [VersionField] = version,
        };

    private static JsonObject Settlement(GroupId groupId, SettlementId settlementId, int version) =>
        new()
        {
            [GroupIdField] = Id(groupId.Value),
            ["settlementId"] = Id(settlementId.Value),
            [VersionField] = version,
        };
}

/// <summary>One event type partners can receive: its name, payload version and payload fields.</summary>
public sealed record OutboxEventType(
    string Type,
    int Version,
    string Description,
    IReadOnlyList<string> Fields
);
