using System.Net.Http.Json;
using static Ledger.WebApi.IntegrationTests.Security.Caller;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// The matrix rows of settling up. The prepared expense was paid by the member and split
/// equally with the owner, so the owner owes the member 5.00: the owner is the payer of a
/// settlement and the debtor of a split, the member the payee and the split's creditor. Only
/// the payee confirms or declines (the owner, as payer, gets 403); only owners void; partners
/// with ledger.write record payments, never decide or void them.
/// </summary>
public static class SettlementMatrixRows
{
    private static readonly Caller[] Readers = [Member, Owner, PartnerRead, PartnerWrite];
    private static readonly Caller[] Recorders = [Member, Owner, PartnerWrite];
    private static readonly Caller[] Payee = [Member];
    private static readonly Caller[] Owners = [Owner];

    public static readonly IReadOnlyList<MatrixRow> All =
    [
        new("GET /api/v1/groups/{groupId}/settlements", Readers),
        new(
            "POST /api/v1/groups/{groupId}/settlements",
            Recorders,
            Body: OwnerPaysMember,
            Prepare: ExpenseAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/settlements/settle-up",
            Recorders,
            Body: s => new
            {
                fromUserId = s.Owner.UserId.Value,
                toUserId = s.Member.UserId.Value,
                currency = "EUR",
            },
            Prepare: ExpenseAsync
        ),
        new(
            "GET /api/v1/groups/{groupId}/settlements/{settlementId}",
            Readers,
            Prepare: PendingSettlementAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/settlements/{settlementId}/confirm",
            Payee,
            Body: _ => new { version = 1 },
            Prepare: PendingSettlementAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/settlements/{settlementId}/decline",
            Payee,
            Body: _ => new { version = 1 },
            Prepare: PendingSettlementAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/settlements/{settlementId}/void",
            Owners,
            Body: _ => new { reason = TestSupport.Pii.Text("reason"), version = 1 },
            Prepare: PendingSettlementAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/expenses/{expenseId}/splits/{splitId}/payments",
            Recorders,
            Body: _ => new { amount = "1.00" },
            Prepare: ExpenseAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/expenses/{expenseId}/payments/{paymentId}/void",
            Owners,
            Body: _ => new { reason = TestSupport.Pii.Text("reason"), version = 1 },
            Prepare: SplitPaymentAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/expenses/{expenseId}/payments/{paymentId}/confirm",
            Payee,
            Body: _ => new { version = 1 },
            Prepare: PendingSplitPaymentAsync
        ),
        new(
            "POST /api/v1/groups/{groupId}/expenses/{expenseId}/payments/{paymentId}/decline",
            Payee,
            Body: _ => new { version = 1 },
            Prepare: PendingSplitPaymentAsync
        ),
        new(
            "GET /api/v1/groups/{groupId}/expenses/{expenseId}/split-payments",
            Readers,
            Prepare: SplitPaymentAsync
        ),
    ];

    private static object OwnerPaysMember(MatrixScenario s) =>
        new
        {
            fromUserId = s.Owner.UserId.Value,
            toUserId = s.Member.UserId.Value,
            currency = "EUR",
            amount = "1.00",
        };

    /// <summary>The member paid 10.00, split equally with the owner; remembers the owner's split.</summary>
    private static async Task ExpenseAsync(MatrixScenario s)
    {
        using var response = await s.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{s.GroupId}/expenses",
            new
            {
                description = TestSupport.Pii.Text("expense"),
                category = "groceries",
                currency = "EUR",
                total = "10.00",
                date = "2026-03-01",
                payers = new[] { new { userId = s.Member.UserId.Value, amount = "10.00" } },
                split = new
                {
                    type = "equal",
                    members = new[] { s.Member.UserId.Value, s.Owner.UserId.Value },
                },
            }
        );
        var expense = await MatrixScenario.ReadAsync(response);
        s.Values["expenseId"] = expense.GetProperty("id").GetString()!;
        s.Values["splitId"] = expense
            .GetProperty("splits")
            .EnumerateArray()
            .Single(split => split.GetProperty("userId").GetGuid() == s.Owner.UserId.Value)
            .GetProperty("id")
            .GetString()!;
    }

    /// <summary>The owner (the payer) recorded paying the member 1.00: pending.</summary>
    private static async Task PendingSettlementAsync(MatrixScenario s)
    {
        await ExpenseAsync(s);
        using var response = await s.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{s.GroupId}/settlements",
            OwnerPaysMember(s)
        );
        s.Values["settlementId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }

    private static async Task SplitPaymentAsync(MatrixScenario s)
    {
        await ExpenseAsync(s);
        using var response = await s.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{s.GroupId}/expenses/{s.Values["expenseId"]}/splits/{s.Values["splitId"]}/payments",
            new { amount = "1.00" }
        );
        s.Values["paymentId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }

    /// <summary>The write partner recorded that the owner paid their split to the member: pending.</summary>
    private static async Task PendingSplitPaymentAsync(MatrixScenario s)
    {
        await ExpenseAsync(s);
        // Granted already when the write partner is the caller; the answer does not matter.
        using var grant = await s.Owner.HttpClient.PostAsJsonAsync(
            $"/api/v1/groups/{s.GroupId}/integrations",
            new
            {
                clientId = s.Users.PartnerWrite.ClientId,
                scopes = new[] { "ledger.read", "ledger.write" },
            }
        );
        using var response = await s.Users.PartnerWriteHttp.PostAsJsonAsync(
            $"/api/v1/groups/{s.GroupId}/expenses/{s.Values["expenseId"]}/splits/{s.Values["splitId"]}/payments",
            new { amount = "1.00" }
        );
        s.Values["paymentId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }
}
