using System.Net.Http.Json;
using Ledger.WebApi.IntegrationTests.DataTransfer;
using static Ledger.WebApi.IntegrationTests.Security.Caller;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// The matrix rows of export, import and receipts. Exports and receipts are read by whoever may
/// read the group; imports are for owners; receipts change with the expense, so only its
/// creator (the owner, who recorded the prepared expense) or an owner attaches or detaches them,
/// and partners never do. Upload bodies are multipart (an <see cref="HttpContent"/> body).
/// </summary>
public static class DataTransferMatrixRows
{
    private static readonly Caller[] Readers = [Member, Owner, PartnerRead, PartnerWrite];
    private static readonly Caller[] Owners = [Owner];

    public static readonly IReadOnlyList<MatrixRow> All =
    [
        new("GET /api/v1/groups/{groupId}/export", Readers),
        new(
            "POST /api/v1/groups/{groupId}/imports",
            Owners,
            Body: s => new
            {
                format = "splitwise",
                content = "Date,Description,Category,Cost,Currency,Ana,Ben\n2026-03-01,Milk,Groceries,4.00,EUR,2.00,-2.00\n",
                people = new Dictionary<string, Guid>
                {
                    ["Ana"] = s.Owner.UserId.Value,
                    ["Ben"] = s.Member.UserId.Value,
                },
            }
        ),
        new(
            "POST /api/v1/groups/{groupId}/expenses/{expenseId}/receipts",
            Owners,
            Body: _ => ReceiptFiles.Form(ReceiptFiles.Png(), "receipt.png", "image/png"),
            Prepare: ExpenseAsync
        ),
        new(
            "GET /api/v1/groups/{groupId}/expenses/{expenseId}/receipts",
            Readers,
            Prepare: ExpenseAsync
        ),
        new(
            "GET /api/v1/groups/{groupId}/expenses/{expenseId}/receipts/{receiptId}/content",
            Readers,
            Prepare: ReceiptAsync
        ),
        new(
            "DELETE /api/v1/groups/{groupId}/expenses/{expenseId}/receipts/{receiptId}",
            Owners,
            Prepare: ReceiptAsync
        ),
    ];

    /// <summary>The owner recorded 10.00 paid by the member, split equally.</summary>
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
        s.Values["expenseId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }

    /// <summary>The prepared expense with a receipt the owner attached.</summary>
    private static async Task ReceiptAsync(MatrixScenario s)
    {
        await ExpenseAsync(s);
        using var response = await s.Owner.HttpClient.PostAsync(
            $"/api/v1/groups/{s.GroupId}/expenses/{s.Values["expenseId"]}/receipts",
            ReceiptFiles.Form(ReceiptFiles.Png(), "receipt.png", "image/png")
        );
        s.Values["receiptId"] = (await MatrixScenario.ReadAsync(response))
            .GetProperty("id")
            .GetString()!;
    }
}
