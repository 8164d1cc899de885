using AwesomeAssertions;
using Ledger.Application.Operations.Commands.CheckStorage;
using Ledger.Application.Operations.Commands.PurgeOrphanedReceipts;
using Ledger.Application.Receipts;
using Ledger.Application.Receipts.Commands.DetachReceipt;
using Ledger.Application.Receipts.Commands.UploadReceipt;
using Ledger.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Operations;

/// <summary>
/// The receipt lifecycle of the worker (PRODUCT.md section 6, audit 000 artifact lifecycle):
/// orphaned files go after their grace period, attached ones and young orphans stay; the storage
/// check counts the attached receipts.
/// </summary>
public sealed class ReceiptJobsTests : FunctionalTest
{
    [Test]
    public async Task Should_purge_old_orphaned_files_only_and_count_attached_receipts()
    {
        if (Directory.Exists(ReceiptsRoot))
        {
            Directory.Delete(ReceiptsRoot, recursive: true);
        }

        var flat = await CreateFlatAsync();
        var expense = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "12.00", EqualAmong(flat.Everyone)),
            flat.Ana
        );
        var expenseId = ExpenseId.From(expense.Id);
        var kept = await UploadAsync(flat.Group, expenseId, flat.Ana, SKColors.Red);
        var detached = await UploadAsync(flat.Group, expenseId, flat.Ana, SKColors.Green);
        await SendAsync(
            new DetachReceipt(flat.Group, expenseId, ReceiptId.From(detached.Id)),
            flat.Ana
        );
        string failedUpload = new('c', 64),
            youngOrphan = new('d', 64);
        await WithServicesAsync(async services =>
        {
            var store = services.GetRequiredService<IReceiptStore>();
            await store.SaveAsync(failedUpload, new byte[] { 1, 2, 3 }, CancellationToken.None);
            var old = Clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(2);
            foreach (var file in store.List().Where(f => f.Sha256 != youngOrphan))
            {
                File.SetLastWriteTimeUtc(
                    Path.Combine(ReceiptsRoot, file.Sha256[..2], file.Sha256),
                    old
                );
            }

            await store.SaveAsync(youngOrphan, new byte[] { 4 }, CancellationToken.None);
        });

        var report = await SendAsSystemAsync(new PurgeOrphanedReceipts());

        report.Summary.Should().Contain("Deleted 2 orphaned receipt files");
        await WithServicesAsync(services =>
        {
            var left = services.GetRequiredService<IReceiptStore>().List().Select(f => f.Sha256);
            left.Should().HaveCount(2).And.Contain(youngOrphan);
            return Task.CompletedTask;
        });
        var storage = await SendAsSystemAsync(new CheckStorage());
        storage.Summary.Should().Contain($"1 receipts use 0 MB");
        kept.SizeBytes.Should().BePositive();
    }

    private static async Task<ReceiptDto> UploadAsync(
        GroupId group,
        ExpenseId expense,
        UserId asUser,
        SKColor color
    )
    {
        using var bitmap = new SKBitmap(16, 16);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        await using var content = new MemoryStream(data.ToArray());
        return await SendAsync(new UploadReceipt(group, expense, content), asUser);
    }
}
