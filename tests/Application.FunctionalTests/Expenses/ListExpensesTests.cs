using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Queries.ListExpenses;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class ListExpensesTests : ExpenseTest
{
    [Test]
    public async Task Should_page_newest_first_by_date_then_creation_without_gaps_or_repeats()
    {
        var flat = await CreateFlatAsync();
        var created = new List<ExpenseDto>();
        foreach (var day in new[] { 3, 1, 2, 2, 5, 4, 2 })
        {
            created.Add(
                await SendAsync(
                    NewExpense(
                        flat.Group,
                        flat.Ana,
                        "3.00",
                        EqualAmong(flat.Everyone),
                        date: new DateOnly(2026, 3, day)
                    ),
                    flat.Ana
                )
            );
        }

        var ids = await ReadAllPagesAsync(new ListExpenses(flat.Group, Limit: 3), flat.Ben);

        ids.Should()
            .Equal(
                created.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Select(e => e.Id)
            );
    }

    [Test]
    public async Task Should_show_amounts_as_strings_and_payers()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "1000", EqualAmong(flat.Everyone), "JPY"),
            flat.Ana
        );

        var page = await SendAsync(new ListExpenses(flat.Group), flat.Cem);

        page.NextCursor.Should().BeNull();
        page.Items.Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new ExpenseSummaryDto(
                    created.Id,
                    created.Description,
                    ExpenseCategory.Groceries,
                    March1,
                    "JPY",
                    "1000",
                    SplitType.Equal,
                    [new PayerDto(flat.Ana.Value, "1000")],
                    flat.Ana.Value,
                    null,
                    1,
                    false
                )
            );
    }

    [Test]
    public async Task Should_filter_by_date_range_member_category_and_text()
    {
        var flat = await CreateFlatAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var early = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ana,
                "3.00",
                EqualAmong(flat.Ana, flat.Ben),
                date: new DateOnly(2026, 2, 1)
            ),
            flat.Ana
        );
        var rent = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ana,
                "3.00",
                EqualAmong(flat.Ana, flat.Ben),
                category: ExpenseCategory.Rent
            ) with
            {
                Description = Pii.Text($"Monthly {marker.ToUpperInvariant()} rent"),
            },
            flat.Ana
        );
        var cems = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Cem,
                "3.00",
                EqualAmong(flat.Cem, flat.Ana),
                date: new DateOnly(2026, 4, 1)
            ),
            flat.Cem
        );

        (
            await IdsAsync(
                new ListExpenses(
                    flat.Group,
                    From: new DateOnly(2026, 3, 1),
                    To: new DateOnly(2026, 3, 31)
                ),
                flat.Ana
            )
        )
            .Should()
            .Equal(rent.Id);
        (await IdsAsync(new ListExpenses(flat.Group, From: new DateOnly(2026, 3, 1)), flat.Ana))
            .Should()
            .Equal(cems.Id, rent.Id);
        (await IdsAsync(new ListExpenses(flat.Group, Member: flat.Cem), flat.Ana))
            .Should()
            .Equal(cems.Id);
        (await IdsAsync(new ListExpenses(flat.Group, Member: flat.Ben), flat.Ana))
            .Should()
            .Equal(rent.Id, early.Id);
        (await IdsAsync(new ListExpenses(flat.Group, Category: ExpenseCategory.Rent), flat.Ana))
            .Should()
            .Equal(rent.Id);
        (await IdsAsync(new ListExpenses(flat.Group, Text: $"  {marker} RENT "), flat.Ana))
            .Should()
            .Equal(rent.Id);
        (await IdsAsync(new ListExpenses(flat.Group, Text: $"{marker}rent"), flat.Ana))
            .Should()
            .BeEmpty();
        (await IdsAsync(new ListExpenses(flat.Group, Text: "%"), flat.Ana)).Should().BeEmpty();
    }

    [Test]
    public async Task Should_leave_voided_expenses_out_unless_asked()
    {
        var flat = await CreateFlatAsync();
        var kept = await SendAsync(EqualExpense(flat, flat.Ana, "3.00"), flat.Ana);
        var voided = await SendAsync(
            Void(await SendAsync(EqualExpense(flat, flat.Ana, "6.00"), flat.Ana)),
            flat.Ana
        );

        (await IdsAsync(new ListExpenses(flat.Group), flat.Ana)).Should().Equal(kept.Id);
        var all = await SendAsync(new ListExpenses(flat.Group, IncludeVoided: true), flat.Ana);
        all.Items.Select(e => (e.Id, e.IsVoided))
            .Should()
            .BeEquivalentTo([(kept.Id, false), (voided.Id, true)]);
    }

    [Test]
    public async Task Should_refuse_a_cursor_of_another_filter_or_group()
    {
        var flat = await CreateFlatAsync();
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(EqualExpense(flat, flat.Ana, "3.00"), flat.Ana);
        }

        var first = await SendAsync(new ListExpenses(flat.Group, Limit: 1), flat.Ana);
        var otherFilter = () =>
            SendAsync(
                new ListExpenses(
                    flat.Group,
                    Limit: 1,
                    Category: ExpenseCategory.Rent,
                    Cursor: first.NextCursor
                ),
                flat.Ana
            );

        first.NextCursor.Should().NotBeNull();
        (await otherFilter.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Should()
            .ContainSingle(e => e.PropertyName == "Cursor");
    }

    [Test]
    public async Task Should_refuse_bad_bounds()
    {
        var flat = await CreateFlatAsync();

        var act = () =>
            SendAsync(
                new ListExpenses(
                    flat.Group,
                    From: new DateOnly(2026, 3, 2),
                    To: new DateOnly(2026, 3, 1),
                    Limit: 101,
                    Text: new string('x', 101)
                ),
                flat.Ana
            );

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["To", "Limit", "Text"]);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var flat = await CreateFlatAsync();

        var act = async () =>
            await SendAsync(new ListExpenses(flat.Group), await CreateUserAsync());

        await act.Should().ThrowAsync<NotFoundException>();
    }

    private static async Task<List<Guid>> IdsAsync(ListExpenses query, UserId asUser) =>
        (await SendAsync(query, asUser)).Items.Select(e => e.Id).ToList();

    private static async Task<List<Guid>> ReadAllPagesAsync(ListExpenses query, UserId asUser)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await SendAsync(query with { Cursor = cursor }, asUser);
            ids.AddRange(page.Items.Select(e => e.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        return ids;
    }
}
