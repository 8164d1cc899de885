using System.Runtime.CompilerServices;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Application.DataTransfer.Queries.ExportGroup;

/// <summary>
/// A group's expenses (voided ones marked), settlements, split payments and current balances,
/// for its members and partners with <c>ledger.read</c>. The header (group, members, balances)
/// is read at once; the history is handed out as streams read in keyset batches while the
/// response is written, so memory stays bounded whatever the group's size.
/// </summary>
public sealed record ExportGroup(GroupId GroupId, string? Format = null)
    : IQuery<GroupExport>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);

    /// <summary>The file's format: <c>json</c> (the default, importable again) or <c>csv</c>.</summary>
    public bool IsCsv => Format == "csv";
}

public sealed class ExportGroupValidator : AbstractValidator<ExportGroup>
{
    public ExportGroupValidator()
    {
        RuleFor(q => q.Format)
            .Must(format => format is null or "json" or "csv")
            .WithMessage("'format' is csv or json.");
    }
}

/// <summary>An export ready to be written: the small parts read, the history still to stream.</summary>
public sealed record GroupExport(
    DateTimeOffset ExportedAt,
    ExportedGroup Group,
    IReadOnlyList<ExportedMember> Members,
    IReadOnlyList<ExportedCurrencyBalances> Balances,
    IAsyncEnumerable<ExportedExpense> Expenses,
    IAsyncEnumerable<ExportedSettlement> Settlements,
    IAsyncEnumerable<ExportedSplitPayment> SplitPayments
);

public sealed class ExportGroupHandler(IApplicationDbContext db, TimeProvider clock)
    : IQueryHandler<ExportGroup, GroupExport>
{
    /// <summary>Expenses read per round trip (with their payers, splits and items).</summary>
    internal const int BatchSize = 500;

    public async ValueTask<GroupExport> Handle(
        ExportGroup query,
        CancellationToken cancellationToken
    )
    {
        var group =
            await db
                .Groups.AsNoTracking()
                .Where(g => g.Id == query.GroupId)
                .Select(g => new ExportedGroup(g.Id.Value, g.Name, g.DefaultCurrency, g.TimeZoneId))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("group");
        var members = await db
            .Memberships.AsNoTracking()
            .Where(m => m.GroupId == query.GroupId)
            .OrderBy(m => m.JoinedAt)
            .Select(m => new
            {
                m.UserId,
                m.Role,
                m.JoinedAt,
                m.LeftAt,
            })
            .ToListAsync(cancellationToken);
        var balances = await db
            .MemberBalances.AsNoTracking()
            .Where(b => b.GroupId == query.GroupId)
            .Select(b => new
            {
                b.UserId,
                b.Currency,
                b.NetMinorUnits,
            })
            .ToListAsync(cancellationToken);

        return new GroupExport(
            clock.GetUtcNow(),
            group,
            members
                .Select(m => new ExportedMember(
                    m.UserId.Value,
                    m.Role.ToString().ToLowerInvariant(),
                    m.JoinedAt,
                    m.LeftAt
                ))
                .ToArray(),
            balances
                .GroupBy(b => b.Currency)
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new ExportedCurrencyBalances(
                    c.Key,
                    c.OrderBy(b => b.UserId.Value)
                        .Select(b => new ExportedAmount(
                            b.UserId.Value,
                            Amount(b.NetMinorUnits, c.Key)
                        ))
                        .ToArray()
                ))
                .ToArray(),
            ExpensesAsync(query.GroupId, cancellationToken),
            SettlementsAsync(query.GroupId, cancellationToken),
            SplitPaymentsAsync(query.GroupId, cancellationToken)
        );
    }

    private async IAsyncEnumerable<ExportedExpense> ExpensesAsync(
        GroupId groupId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ExpenseId? after = null;
        while (true)
        {
            var batch = await db
                .Expenses.AsNoTracking()
                .Where(e => e.GroupId == groupId && (after == null || e.Id > after.Value))
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .Include(e => e.Payers)
                .Include(e => e.Splits)
                .Include(e => e.Items)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var expense in batch)
            {
                yield return ToExported(expense);
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    private async IAsyncEnumerable<ExportedSettlement> SettlementsAsync(
        GroupId groupId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        SettlementId? after = null;
        while (true)
        {
            var batch = await db
                .Settlements.AsNoTracking()
                .Where(s => s.GroupId == groupId && (after == null || s.Id > after.Value))
                .OrderBy(s => s.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var s in batch)
            {
                yield return new ExportedSettlement(
                    s.Id.Value,
                    s.FromUserId.Value,
                    s.ToUserId.Value,
                    s.Currency,
                    Amount(s.AmountMinorUnits, s.Currency),
                    s.Status.ToString().ToLowerInvariant(),
                    s.Note,
                    s.RecordedAt,
                    s.Voided?.At
                );
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    private async IAsyncEnumerable<ExportedSplitPayment> SplitPaymentsAsync(
        GroupId groupId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        SplitPaymentId? after = null;
        while (true)
        {
            var batch = await db
                .SplitPayments.AsNoTracking()
                .Where(a => a.GroupId == groupId && (after == null || a.Id > after.Value))
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var a in batch)
            {
                yield return new ExportedSplitPayment(
                    a.Id.Value,
                    a.ExpenseId.Value,
                    a.SplitId.Value,
                    a.DebtorUserId.Value,
                    a.PayeeUserId.Value,
                    a.Currency,
                    Amount(a.AmountMinorUnits, a.Currency),
                    a.PaidAt,
                    a.Voided?.At
                );
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    private static ExportedExpense ToExported(Expense e) =>
        new(
            e.Id.Value,
            e.Description,
            e.Category.ToString().ToLowerInvariant(),
            e.Note,
            e.Date,
            e.Currency,
            Amount(e.TotalMinorUnits, e.Currency),
            JsonName(e.SplitType.ToString()),
            e.CreatedBy.UserId?.Value,
            e.CreatedAt,
            e.Voided?.At,
            e.Voided?.Reason,
            e.Payers.OrderBy(p => p.UserId.Value)
                .Select(p => new ExportedAmount(
                    p.UserId.Value,
                    Amount(p.PaidMinorUnits, e.Currency)
                ))
                .ToArray(),
            e.Splits.OrderBy(s => s.UserId.Value)
                .Select(s => new ExportedSplit(
                    s.Id.Value,
                    s.UserId.Value,
                    Amount(s.OwedMinorUnits, e.Currency),
                    Amount(s.SettledMinorUnits, e.Currency),
                    JsonName(s.Status.ToString()),
                    s.Weight
                ))
                .ToArray(),
            e.Items.Select(i => new ExportedItem(
                    i.ListItemId.Value,
                    i.ForUserId?.Value,
                    Amount(i.PriceMinorUnits, e.Currency)
                ))
                .ToArray()
        );

    internal static string Amount(long minorUnits, string currency) =>
        Money.FromMinorUnits(minorUnits, currency).ToCanonicalString();

    private static string JsonName(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
