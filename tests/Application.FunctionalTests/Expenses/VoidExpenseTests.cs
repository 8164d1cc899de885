using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.VoidExpense;
using Ledger.Application.Expenses.Queries.GetExpense;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Expenses;

public sealed class VoidExpenseTests : ExpenseTest
{
    // Audit 003 #1: financial records are voided, never deleted.
    [Test]
    public async Task Should_keep_the_expense_readable_and_its_audit_trail_and_take_it_out_of_the_balances()
    {
        var flat = await CreateFlatAsync();
        var kept = await SendAsync(EqualExpense(flat, flat.Ben, "6.00"), flat.Ben);
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var command = Void(created);

        var voided = await SendAsync(command, flat.Ana);

        voided.IsVoided.Should().BeTrue();
        voided.Version.Should().Be(2);
        voided.VoidedByUserId.Should().Be(flat.Ana.Value);
        voided.VoidReason.Should().Be(command.Reason);
        voided.VoidedAt.Should().NotBeNull();
        var read = await SendAsync(
            new GetExpense(flat.Group, ExpenseId.From(created.Id)),
            flat.Cem
        );
        read.IsVoided.Should().BeTrue();
        read.Splits.Should().HaveCount(3);
        read.Payers.Should().ContainSingle();
        (await CountAsync<Expense>()).Should().Be(2);
        (await CountAsync<ExpenseSplit>()).Should().Be(6);

        var balances = (await BalancesAsync(flat.Group, flat.Ana))["EUR"];
        balances[flat.Ana].Should().Be("-2.00");
        balances[flat.Ben].Should().Be("4.00");
        balances[flat.Cem].Should().Be("-2.00");
        kept.IsVoided.Should().BeFalse();

        var trail = await WithDbAsync(db =>
            db.AuditEvents.AsNoTracking()
                .Where(a => a.RecordId == created.Id.ToString())
                .OrderBy(a => a.OccurredAt)
                .Select(a => new
                {
                    a.Action,
                    a.ActorUserId,
                    a.Reason,
                })
                .ToListAsync()
        );
        trail.Select(a => a.Action).Should().Equal(ExpenseAudit.Created, ExpenseAudit.Voided);
        trail[1].ActorUserId.Should().Be(flat.Ana);
        trail[1].Reason.Should().Be(command.Reason);
    }

    [Test]
    public async Task Should_let_an_owner_void_anyones_expense()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var voided = await SendAsync(Void(created), flat.Ana);

        voided.VoidedByUserId.Should().Be(flat.Ana.Value);
    }

    [Test]
    public async Task Should_refuse_a_member_who_did_not_create_it_with_forbidden()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var act = () => SendAsync(Void(created), flat.Cem);

        await act.Should().ThrowAsync<ForbiddenException>();
        (await SendAsync(new GetExpense(flat.Group, ExpenseId.From(created.Id)), flat.Cem))
            .IsVoided.Should()
            .BeFalse();
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ben, "30.00"), flat.Ben);

        var act = async () => await SendAsync(Void(created), await CreateUserAsync());

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task Should_require_a_reason(string reason)
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);

        var act = () => SendAsync(Void(created) with { Reason = reason }, flat.Ana);

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Should()
            .ContainSingle(e => e.PropertyName == nameof(VoidExpense.Reason));
    }

    [Test]
    public async Task Should_refuse_a_stale_version()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(EqualExpense(flat, flat.Ana, "31.00").ToUpdate(created), flat.Ana);

        var act = () => SendAsync(Void(created), flat.Ana);

        (await act.Should().ThrowAsync<VersionConflictException>())
            .Which.CurrentVersion.Should()
            .Be(2);
    }

    [Test]
    public async Task Should_refuse_to_void_twice()
    {
        var flat = await CreateFlatAsync();
        var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        var voided = await SendAsync(Void(created), flat.Ana);

        var act = () => SendAsync(Void(voided), flat.Ana);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("expense.voided");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == ExpenseAudit.Voided)))
            .Should()
            .Be(1);
    }

    [Test]
    public async Task Should_refuse_to_open_a_balance_for_someone_who_left()
    {
        var flat = await CreateFlatAsync();
        // Cem owes 10.00 for the first and is owed 10.00 for the second: settled, so he may leave.
        var first = await SendAsync(
            NewExpense(flat.Group, flat.Ana, "20.00", EqualAmong(flat.Ana, flat.Cem)),
            flat.Ana
        );
        await SendAsync(
            NewExpense(flat.Group, flat.Cem, "20.00", EqualAmong(flat.Ana, flat.Cem)),
            flat.Cem
        );
        await SendAsync(new LeaveGroup(flat.Group), flat.Cem);

        var act = () => SendAsync(Void(first), flat.Ana);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("expense.former-member");
    }
}
