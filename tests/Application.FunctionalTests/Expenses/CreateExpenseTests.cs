using System.Globalization;
using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.CreateExpense;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class CreateExpenseTests : ExpenseTest
{
    [Test]
    public async Task Should_store_an_equal_split_and_move_the_balances_in_the_same_change()
    {
        var flat = await CreateFlatAsync();
        var command = EqualExpense(flat, flat.Ben, "10.00");

        var expense = await SendAsync(command, flat.Ben);

        expense.Total.Should().Be("10.00");
        expense.Version.Should().Be(1);
        expense.IsVoided.Should().BeFalse();
        expense.CreatedByUserId.Should().Be(flat.Ben.Value);
        expense.Description.Should().Be(command.Description);
        expense.Date.Should().Be(March1);
        OwedBy(expense)
            .Should()
            .BeEquivalentTo(
                new Dictionary<UserId, string>
                {
                    [flat.Ana] = "3.34",
                    [flat.Ben] = "3.33",
                    [flat.Cem] = "3.33",
                }
            );
        expense.Splits.Single(s => s.UserId == flat.Ben.Value).Status.Should().Be(SplitStatus.Paid);
        expense
            .Splits.Single(s => s.UserId == flat.Ana.Value)
            .Status.Should()
            .Be(SplitStatus.Unpaid);
        (await BalancesAsync(flat.Group, flat.Cem))["EUR"]
            .Should()
            .BeEquivalentTo(
                new Dictionary<UserId, string>
                {
                    [flat.Ana] = "-3.34",
                    [flat.Ben] = "6.67",
                    [flat.Cem] = "-3.33",
                }
            );
        (
            await WithDbAsync(db =>
                db.AuditEvents.CountAsync(a =>
                    a.Action == ExpenseAudit.Created && a.RecordId == expense.Id.ToString()
                )
            )
        )
            .Should()
            .Be(1);
    }

    [Test]
    public async Task Should_split_exact_amounts()
    {
        var flat = await CreateFlatAsync();

        var expense = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ana,
                "10.00",
                new SplitInput(
                    SplitType.Exact,
                    Amounts:
                    [
                        Paid(flat.Ana, "1.00"),
                        Paid(flat.Ben, "9.00"),
                        Paid(flat.Cem, "0.00"),
                    ]
                )
            ),
            flat.Ana
        );

        OwedBy(expense)
            .Should()
            .BeEquivalentTo(
                new Dictionary<UserId, string>
                {
                    [flat.Ana] = "1.00",
                    [flat.Ben] = "9.00",
                    [flat.Cem] = "0.00",
                }
            );
    }

    [Test]
    public async Task Should_split_by_percentages_with_decimals()
    {
        var flat = await CreateFlatAsync();

        var expense = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ana,
                "10.00",
                new SplitInput(
                    SplitType.Percentage,
                    Weights:
                    [
                        new(flat.Ana.Value, 33.33m),
                        new(flat.Ben.Value, 33.33m),
                        new(flat.Cem.Value, 33.34m),
                    ]
                )
            ),
            flat.Ana
        );

        OwedBy(expense).Values.Should().BeEquivalentTo(["3.33", "3.33", "3.34"]);
        expense.Splits.Single(s => s.UserId == flat.Cem.Value).Weight.Should().Be(33.34m);
    }

    [Test]
    public async Task Should_split_by_shares_handing_leftover_units_out_by_member_order()
    {
        var flat = await CreateFlatAsync();

        var expense = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ana,
                "0.10",
                new SplitInput(
                    SplitType.Shares,
                    Weights:
                    [
                        new(flat.Cem.Value, 1m),
                        new(flat.Ana.Value, 1m),
                        new(flat.Ben.Value, 1m),
                    ]
                )
            ),
            flat.Ana
        );

        OwedBy(expense)
            .Should()
            .BeEquivalentTo(
                new Dictionary<UserId, string>
                {
                    [flat.Cem] = "0.04",
                    [flat.Ana] = "0.03",
                    [flat.Ben] = "0.03",
                }
            );
    }

    [Test]
    public async Task Should_split_by_items_and_the_rest_equally()
    {
        var flat = await CreateFlatAsync();
        var list = await CreateGroupListAsync(flat.Group, flat.Ben);
        var bread = (await AddItemAsync(list, flat.Ben)).Id;
        var coffee = (await AddItemAsync(list, flat.Cem)).Id;

        var expense = await SendAsync(
            NewExpense(
                flat.Group,
                flat.Ana,
                "12.00",
                new SplitInput(
                    SplitType.ItemBased,
                    Items:
                    [
                        new(bread, flat.Ben.Value, "3.00"),
                        new(coffee, flat.Cem.Value, "1.00"),
                    ],
                    Rest: EqualAmong(flat.Ana, flat.Ben, flat.Cem)
                )
            ) with
            {
                ListId = list.Value,
            },
            flat.Ana
        );

        expense.SplitType.Should().Be(SplitType.ItemBased);
        expense.RestSplitType.Should().Be(SplitType.Equal);
        expense.Items.Should().HaveCount(2);
        OwedBy(expense)
            .Should()
            .BeEquivalentTo(
                new Dictionary<UserId, string>
                {
                    [flat.Ana] = "2.67",
                    [flat.Ben] = "5.67",
                    [flat.Cem] = "3.66",
                }
            );
    }

    [Test]
    public async Task Should_let_several_members_pay_and_count_each_ones_share_as_settled_up_to_what_they_paid()
    {
        var flat = await CreateFlatAsync();

        var expense = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "10.00", EqualAmong(flat.Ana, flat.Ben)) with
            {
                Payers = [Paid(flat.Ana, "6.00"), Paid(flat.Ben, "4.00")],
            },
            flat.Ben
        );

        expense.Splits.Single(s => s.UserId == flat.Ben.Value).Remaining.Should().Be("1.00");
        var balances = (await BalancesAsync(flat.Group, flat.Ana))["EUR"];
        balances[flat.Ana].Should().Be("1.00");
        balances[flat.Ben].Should().Be("-1.00");
    }

    [TestCase("JPY", "1000", "333")]
    [TestCase("KWD", "1.000", "0.333")]
    [TestCase("EUR", "0.02", "0.00")]
    public async Task Should_keep_amounts_in_the_currencys_minor_units(
        string currency,
        string total,
        string smallestShare
    )
    {
        var flat = await CreateFlatAsync();

        var expense = await SendAsync(
            NewExpense(flat.Group, flat.Ana, total, EqualAmong(flat.Everyone), currency),
            flat.Ana
        );

        expense.Total.Should().Be(total);
        OwedBy(expense).Values.Min(StringComparer.Ordinal).Should().Be(smallestShare);
        (await BalancesAsync(flat.Group, flat.Ana)).Keys.Should().Equal(currency);
    }

    [Test]
    public async Task Should_let_an_owner_record_an_expense_other_members_paid()
    {
        var flat = await CreateFlatAsync();

        var expense = await SendAsync(EqualExpense(flat, flat.Ben, "9.00"), flat.Ana);

        expense.CreatedByUserId.Should().Be(flat.Ana.Value);
        (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ben].Should().Be("6.00");
    }

    [Test]
    public async Task Should_refuse_a_member_recording_an_expense_they_did_not_pay_with_forbidden()
    {
        var flat = await CreateFlatAsync();

        var act = () => SendAsync(EqualExpense(flat, flat.Ben, "9.00"), flat.Cem);

        await act.Should().ThrowAsync<ForbiddenException>();
        (await CountAsync<Expense>()).Should().Be(0);
        (await BalancesAsync(flat.Group, flat.Ana)).Should().BeEmpty();
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var flat = await CreateFlatAsync();
        var stranger = await CreateUserAsync();

        var act = () => SendAsync(EqualExpense(flat, stranger, "9.00"), stranger);

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("group");
    }

    [Test]
    public async Task Should_refuse_a_payer_who_is_not_a_member_naming_payers()
    {
        var flat = await CreateFlatAsync();
        var stranger = await CreateUserAsync();

        var act = () =>
            SendAsync(
                NewExpense(flat.Group, flat.Ana, "9.00", EqualAmong(flat.Everyone)) with
                {
                    Payers = [Paid(flat.Ana, "4.00"), Paid(stranger, "5.00")],
                },
                flat.Ana
            );

        await ShouldRefuseAsync(act, "expense.not-member", "payers");
    }

    [Test]
    public async Task Should_refuse_a_split_member_who_is_not_a_member_naming_split()
    {
        var flat = await CreateFlatAsync();
        var stranger = await CreateUserAsync();

        var act = () =>
            SendAsync(
                NewExpense(flat.Group, flat.Ana, "9.00", EqualAmong(flat.Ana, stranger)),
                flat.Ana
            );

        await ShouldRefuseAsync(act, "expense.not-member", "split");
    }

    [Test]
    public async Task Should_refuse_payers_that_do_not_add_up_to_the_total()
    {
        var flat = await CreateFlatAsync();

        var act = () =>
            SendAsync(
                NewExpense(flat.Group, flat.Ana, "9.00", EqualAmong(flat.Everyone)) with
                {
                    Payers = [Paid(flat.Ana, "4.00"), Paid(flat.Ben, "4.99")],
                },
                flat.Ana
            );

        await ShouldRefuseAsync(act, "expense.payers-sum", "payers");
    }

    [Test]
    public async Task Should_refuse_exact_amounts_that_do_not_add_up_to_the_total()
    {
        var flat = await CreateFlatAsync();

        var act = () =>
            SendAsync(
                NewExpense(
                    flat.Group,
                    flat.Ana,
                    "9.00",
                    new SplitInput(
                        SplitType.Exact,
                        Amounts: [Paid(flat.Ana, "4.00"), Paid(flat.Ben, "5.01")]
                    )
                ),
                flat.Ana
            );

        await ShouldRefuseAsync(act, "split.sum", "split.amounts");
    }

    [Test]
    public async Task Should_refuse_percentages_that_do_not_add_up_to_a_hundred()
    {
        var flat = await CreateFlatAsync();

        var act = () =>
            SendAsync(
                NewExpense(
                    flat.Group,
                    flat.Ana,
                    "9.00",
                    new SplitInput(
                        SplitType.Percentage,
                        Weights: [new(flat.Ana.Value, 50m), new(flat.Ben.Value, 49.9m)]
                    )
                ),
                flat.Ana
            );

        await ShouldRefuseAsync(act, "split.percentage-sum", "split.percentages");
    }

    [TestCase("10.001", "EUR", "total")]
    [TestCase("-10.00", "EUR", "total")]
    [TestCase("1000000000000.00", "EUR", "total")]
    [TestCase("1e3", "EUR", "total")]
    [TestCase("10.5", "JPY", "total")]
    [TestCase("10.00", "XYZ", "Currency")]
    public async Task Should_refuse_unreadable_amounts_and_unknown_currencies_naming_the_field(
        string total,
        string currency,
        string field
    )
    {
        var flat = await CreateFlatAsync();

        var act = () =>
            SendAsync(
                NewExpense(flat.Group, flat.Ana, total, EqualAmong(flat.Everyone), currency),
                flat.Ana
            );

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .Contain(field);
        (await CountAsync<Expense>()).Should().Be(0);
    }

    [Test]
    public async Task Should_refuse_a_zero_total_naming_it()
    {
        var flat = await CreateFlatAsync();

        var act = () => SendAsync(EqualExpense(flat, flat.Ana, "0.00"), flat.Ana);

        // The payer's amount is refused by the domain as well; the total is named first.
        (await act.Should().ThrowAsync<DomainValidationException>())
            .Which.Field.Should()
            .Be("total");
    }

    [Test]
    public async Task Should_name_every_field_to_fix_at_once()
    {
        var flat = await CreateFlatAsync();

        var act = () =>
            SendAsync(
                new CreateExpense(
                    flat.Group,
                    " ",
                    ExpenseCategory.Rent,
                    "EUR",
                    "12.345",
                    new DateOnly(1999, 12, 31),
                    [Paid(flat.Ana, "-1.00")],
                    new SplitInput(
                        SplitType.ItemBased,
                        Members: [flat.Ana.Value],
                        Items: [new(Guid.CreateVersion7(), flat.Ben.Value, "1.2.3")]
                    ),
                    Note: new string('n', Expense.NoteMaxLength + 1)
                ),
                flat.Ana
            );

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .Contain([
                "Description",
                "Note",
                "Date",
                "total",
                "payers[0].amount",
                "ListId",
                "Split.Members",
                "split.items[0].price",
            ]);
    }

    // Concurrent money changes in one group must all count: balances are added to in the
    // database under the row's lock, never read, changed and written back.
    [Test]
    public async Task Should_lose_no_balance_update_when_expenses_are_created_concurrently()
    {
        var flat = await CreateFlatAsync();
        const int racers = 30;

        var failures = await RaceOnGroupAsync(
            flat.Group,
            racers,
            i =>
            {
                var payer = flat.Everyone[i % 3];
                return SendAsync(EqualExpense(flat, payer, $"{i + 1}.00"), payer);
            }
        );

        failures.Should().OnlyContain(f => f == null);
        (await CountAsync<Expense>()).Should().Be(racers);
        // Paid by each member: the sums of i+1 over their turns; everyone owes a third of 465.00.
        var paid = flat
            .Everyone.Select(
                (_, m) => Enumerable.Range(0, racers).Where(i => i % 3 == m).Sum(i => i + 1)
            )
            .ToArray();
        var balances = (await BalancesAsync(flat.Group, flat.Ana))["EUR"];
        var nets = flat
            .Everyone.Select(member =>
                decimal.Parse(balances[member], CultureInfo.InvariantCulture)
            )
            .ToArray();
        nets.Sum().Should().Be(0m);
        for (var m = 0; m < 3; m++)
        {
            nets[m].Should().BeApproximately(paid[m] - 155m, 0.30m);
        }
    }

    private static Dictionary<UserId, string> OwedBy(ExpenseDto expense) =>
        expense.Splits.ToDictionary(s => UserId.From(s.UserId), s => s.Owed);

    private static async Task ShouldRefuseAsync(Func<Task> act, string code, string field)
    {
        var refusal = (await act.Should().ThrowAsync<DomainValidationException>()).Which;
        refusal.Code.Should().Be(code);
        refusal.Field.Should().Be(field);
        (await CountAsync<Expense>()).Should().Be(0);
    }
}
