using System.Text.Json.Nodes;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;

namespace Ledger.Application.Common.Outbox;

/// <summary>
/// The one place that turns a domain event into the outbox row partners eventually receive: its
/// stable type, payload version, group and payload. Payloads carry ids, amounts as strings,
/// currencies, actor ids and versions — never emails, names or user-typed text (data
/// minimisation; see docs/webhooks.md). Every domain event must be mapped here (a unit test
/// checks), so a new event cannot silently stay in the process.
/// </summary>
public static class OutboxEvents
{
    public static OutboxMessage ToMessage(
        IDomainEvent domainEvent,
        ICurrentPrincipal principal,
        DateTimeOffset occurredAt
    )
    {
        var (type, version, groupId, data) = Describe(domainEvent);
        data["actor"] = new JsonObject
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
            ExpenseCreated e => ("expense.created", 1, e.GroupId, Expense(e.GroupId, e.ExpenseId)),
            ExpenseUpdated e => ("expense.updated", 1, e.GroupId, Expense(e.GroupId, e.ExpenseId)),
            ExpenseVoided e => ("expense.voided", 1, e.GroupId, Expense(e.GroupId, e.ExpenseId)),
            GroupCreated e => (
                "group.created",
                1,
                e.GroupId,
                Member(e.GroupId, e.CreatedBy, "createdBy")
            ),
            MemberJoined e => ("member.joined", 1, e.GroupId, Member(e.GroupId, e.UserId)),
            MemberLeft e => ("member.left", 1, e.GroupId, Member(e.GroupId, e.UserId)),
            _ => throw new InvalidOperationException(
                $"The domain event {domainEvent.GetType().Name} has no outbox mapping."
            ),
        };

    private static JsonObject Expense(GroupId groupId, ExpenseId expenseId) =>
        new()
        {
            ["groupId"] = groupId.Value.ToString(),
            ["expenseId"] = expenseId.Value.ToString(),
        };

    private static JsonObject Member(GroupId groupId, UserId userId, string name = "userId") =>
        new() { ["groupId"] = groupId.Value.ToString(), [name] = userId.Value.ToString() };
}
