using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class UpdateExpenseTests : ExpenseTest
{
    [Test]
    public async Task Should_replace_payers_and_splits_and_move_the_balances_by_the_difference()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var change = NewExpense(
            flat.Group,
            flat.Ana,
            "40.00",
            new SplitInput(
                SplitType.Exact,
                Amounts: [Paid(flat.Ana, "25.00"), Paid(flat.Ben, "15.00")]
            )
        ) with
        {
            Payers = [Paid(flat.Ana, "10.00"), Paid(flat.Ben, "30.00")],
        };

        var updated = await SendAsync(change.ToUpdate(created), flat.Ana);

        updated.Version.Should().Be(2);
        updated.UpdatedAt.Should().NotBeNull();
        updated.Total.Should().Be("40.00");
        updated.SplitType.Should().Be(SplitType.Exact);
        updated
            .Payers.Should()
            .BeEquivalentTo([
                new PayerDto(flat.Ana.Value, "10.00"),
                new PayerDto(flat.Ben.Value, "30.00"),
            ]);
        updated
            .Splits.Select(s => (s.UserId, s.Owed))
            .Should()
            .BeEquivalentTo([(flat.Ana.Value, "25.00"), (flat.Ben.Value, "15.00")]);
        // The split Ana kept is the same split (references to it stay valid); Cem's is gone.
        updated
            .Splits.Single(s => s.UserId == flat.Ana.Value)
            .Id.Should()
            .Be(created.Splits.Single(s => s.UserId == flat.Ana.Value).Id);
        // PostgreSQL keeps microseconds; the rest reads back exactly as the update answered.
        (await SendAsync(new GetExpense(flat.Group, ExpenseId.From(created.Id)), flat.Cem))
            .Should()
            .BeEquivalentTo(
                updated,
                options => options.Excluding(e => e.CreatedAt).Excluding(e => e.UpdatedAt)
            );
        (await WithDbAsync(db => db.Set<ExpenseSplit>().CountAsync())).Should().Be(2);
        (await WithDbAsync(db => db.Set<ExpensePayer>().CountAsync())).Should().Be(2);

        var balances = (await BalancesAsync(flat.Group, flat.Ana))["EUR"];
        balances[flat.Ana].Should().Be("-15.00");
        balances[flat.Ben].Should().Be("15.00");
        balances[flat.Cem].Should().Be("0.00");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == ExpenseAudit.Updated)))
            .Should()
            .Be(1);
    }

    [Test]
    public async Task Should_move_an_expense_to_another_currency()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        await SendAsync(
            NewExpense(
                    flat.Group,
                    flat.Ana,
                    "3000",
                    EqualAmong(flat.Ana, flat.Ben),
                    currency: "JPY"
                )
                .ToUpdate(created),
            flat.Ana
        );

        var balances = await BalancesAsync(flat.Group, flat.Ana);
        balances["EUR"].Values.Should().OnlyContain(net => net == "0.00");
        balances["JPY"][flat.Ana].Should().Be("1500");
        balances["JPY"][flat.Ben].Should().Be("-1500");
    }

    [Test]
    public async Task Should_refuse_a_stale_version_and_change_nothing()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(EqualExpense(flat, flat.Ana, "31.00").ToUpdate(created), flat.Ana);

        var act = () =>
            SendAsync(EqualExpense(flat, flat.Ana, "99.00").ToUpdate(created), flat.Ana);

        (await act.Should().ThrowAsync<VersionConflictException>())
            .Which.CurrentVersion.Should()
            .Be(2);
        (await SendAsync(new GetExpense(flat.Group, ExpenseId.From(created.Id)), flat.Ana))
            .Total.Should()
            .Be("31.00");
    }

    // R3 for expenses.
    [Test]
    public async Task Should_let_exactly_one_of_fifty_concurrent_updates_of_the_same_version_win()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var failures = await RaceOnGroupAsync(
            flat.Group,
            50,
            i => SendAsync(EqualExpense(flat, flat.Ana, $"{40 + i}.00").ToUpdate(created), flat.Ana)
        );

        failures.Count(f => f is null).Should().Be(1);
        failures
            .Where(f => f is not null)
            .Should()
            .HaveCount(49)
            .And.AllSatisfy(f =>
                f.Should().BeOfType<VersionConflictException>().Which.CurrentVersion.Should().Be(2)
            );
        var stored = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(created.Id)),
            flat.Ana
        );
        stored.Version.Should().Be(2);
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == ExpenseAudit.Updated)))
            .Should()
            .Be(1);
        // The balances follow the one update that won, not any of the others.
        var ana = (await BalancesAsync(flat.Group, flat.Ana))["EUR"][flat.Ana];
        var won = decimal.Parse(stored.Total, System.Globalization.CultureInfo.InvariantCulture);
        var anaOwes = decimal.Parse(
            stored.Splits.Single(s => s.UserId == flat.Ana.Value).Owed,
            System.Globalization.CultureInfo.InvariantCulture
        );
        ana.Should()
            .Be((won - anaOwes).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Should_let_an_owner_change_anyones_expense()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var updated = await SendAsync(
            EqualExpense(flat, flat.Ben, "33.00").ToUpdate(created),
            flat.Ana
        );

        updated.Total.Should().Be("33.00");
        updated.CreatedByUserId.Should().Be(flat.Ben.Value);
    }

    [Test]
    public async Task Should_refuse_a_member_who_did_not_create_it_with_forbidden()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var act = () =>
            SendAsync(EqualExpense(flat, flat.Cem, "30.00").ToUpdate(created), flat.Cem);

        await act.Should().ThrowAsync<ForbiddenException>();
        (await SendAsync(new GetExpense(flat.Group, ExpenseId.From(created.Id)), flat.Ana))
            .Version.Should()
            .Be(1);
    }

    [Test]
    public async Task Should_refuse_a_creator_member_who_would_no_longer_be_a_payer()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var act = () =>
            SendAsync(EqualExpense(flat, flat.Cem, "30.00").ToUpdate(created), flat.Ben);

        await act.Should().ThrowAsync<ForbiddenException>();
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger_and_for_another_groups_expense()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var (otherGroup, otherOwner) = await CreateGroupAsync();

        var asStranger = async () =>
            await SendAsync(
                EqualExpense(flat, flat.Ana, "1.00").ToUpdate(created),
                await CreateUserAsync()
            );
        var throughOtherGroup = () =>
            SendAsync(
                NewExpense(otherGroup, otherOwner, "1.00", EqualAmong(otherOwner))
                    .ToUpdate(created) with
                {
                    GroupId = otherGroup,
                },
                otherOwner
            );

        (await asStranger.Should().ThrowAsync<NotFoundException>())
            .Which.Resource.Should()
            .Be("group");
        (await throughOtherGroup.Should().ThrowAsync<NotFoundException>())
            .Which.Resource.Should()
            .Be("expense");
    }

    [Test]
    public async Task Should_refuse_to_change_a_voided_expense()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var voided = await SendAsync(Void(created), flat.Ana);

        var act = () => SendAsync(EqualExpense(flat, flat.Ana, "31.00").ToUpdate(voided), flat.Ana);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("expense.voided");
    }

    [Test]
    public async Task Should_refuse_invalid_fields_naming_them()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var act = () =>
            SendAsync(
                EqualExpense(flat, flat.Ana, "30.001").ToUpdate(created) with
                {
                    ExpectedVersion = 0,
                },
                flat.Ana
            );

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .Contain(["total", "payers[0].amount", "ExpectedVersion"]);
    }

    [Test]
    public async Task Should_refuse_a_change_that_would_move_the_balance_of_someone_who_left()
    {
        var flat = await CreateFlatAsync();
        // Cem owes Ana 10.00 for the first expense and is owed 10.00 by her for the second: settled.
        var first = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "20.00", EqualAmong(flat.Ana, flat.Cem)),
            flat.Ana
        );
        await SendAsync(
            NewExpense(flat.Group, flat.Cem, "20.00", EqualAmong(flat.Ana, flat.Cem)),
            flat.Cem
        );
        await SendAsync(new LeaveGroup(flat.Group), flat.Cem);

        var act = () =>
            SendAsync(
                NewExpense(flat.Group, flat.Ana, "20.00", EqualAmong(flat.Ana, flat.Ben))
                    .ToUpdate(first),
                flat.Ana
            );

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("expense.former-member");
    }
}
