using AwesomeAssertions;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Expenses;

public sealed class ExpenseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly GroupId Group = GroupId.New();
    private static readonly UserId Ana = Member(0);
    private static readonly UserId Ben = Member(1);
    private static readonly UserId Cem = Member(2);
    private static readonly HashSet<UserId> Flat = [Ana, Ben, Cem];

    private static Money Eur(decimal amount) => Money.Of(amount, "EUR");

    private static ExpenseDetails Details(
        decimal total,
        SplitRule? split = null,
        params MemberAmount[] payers
    ) =>
        new(
            "Groceries",
            ExpenseCategory.Groceries,
            Eur(total),
            new DateOnly(2026, 3, 1),
            payers.Length > 0 ? payers : [new(Ana, Eur(total))],
            split ?? new EqualSplit([Ana, Ben, Cem])
        );

    private static Expense Create(ExpenseDetails details) =>
        Expense.Create(Group, details, Actor.User(Ana), Flat, Now);

    [Test]
    public void Should_create_an_expense_whose_splits_add_up_to_the_total()
    {
        var expense = Create(Details(10m));

        expense.Total.Should().Be(Eur(10m));
        expense.Splits.Select(s => s.OwedMinorUnits).Should().Equal(334, 333, 333);
        expense.Version.Should().Be(1);
        expense.CreatedBy.Should().Be(Actor.User(Ana));
        expense.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<ExpenseCreated>();
    }

    [Test]
    public void Should_settle_the_single_payers_own_share_and_nobody_elses()
    {
        var expense = Create(Details(10m));

        expense
            .Splits.Select(s => s.Status)
            .Should()
            .Equal(SplitStatus.Paid, SplitStatus.Unpaid, SplitStatus.Unpaid);
        expense.Splits[0].Settled.Should().Be(Eur(3.34m));
        expense.Splits[1].Remaining.Should().Be(Eur(3.33m));
    }

    [Test]
    public void Should_settle_each_of_several_payers_up_to_what_they_paid()
    {
        // Ana paid 9.00 and owes 5.00; Ben paid 1.00 and owes 5.00.
        var expense = Create(
            Details(10m, new EqualSplit([Ana, Ben]), new(Ana, Eur(9m)), new(Ben, Eur(1m)))
        );

        expense.Splits[0].Status.Should().Be(SplitStatus.Paid);
        expense.Splits[1].Status.Should().Be(SplitStatus.PartiallyPaid);
        expense.Splits[1].Remaining.Should().Be(Eur(4m));
    }

    [Test]
    public void Should_count_a_zero_share_as_paid() =>
        Create(Details(0.02m)).Splits[2].Status.Should().Be(SplitStatus.Paid);

    [Test]
    public void Should_refuse_payers_that_do_not_add_up_to_the_total()
    {
        var act = () => Create(Details(10m, null, new(Ana, Eur(6m)), new(Ben, Eur(3.99m))));

        var error = act.Should().Throw<DomainValidationException>().Which;
        error.Code.Should().Be("expense.payers-sum");
        error.Field.Should().Be("payers");
    }

    [Test]
    public void Should_refuse_a_payer_in_another_currency() =>
        FluentActions
            .Invoking(() => Create(Details(10m, null, new MemberAmount(Ana, Money.Of(10m, "USD")))))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("expense.payer-amount");

    [Test]
    public void Should_refuse_someone_outside_the_group_in_the_split()
    {
        var stranger = UserId.New();

        var act = () => Create(Details(10m, new EqualSplit([Ana, stranger])));

        act.Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("expense.not-member");
    }

    [Test]
    public void Should_refuse_a_payer_outside_the_group() =>
        FluentActions
            .Invoking(() => Create(Details(10m, null, new MemberAmount(UserId.New(), Eur(10m)))))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("payers");

    [TestCase(0)]
    [TestCase(-5)]
    public void Should_refuse_a_total_that_is_not_positive(decimal total) =>
        FluentActions
            .Invoking(() => Create(Details(total, null, new MemberAmount(Ana, Eur(1m)))))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("expense.total");

    [TestCase("")]
    [TestCase("   ")]
    public void Should_refuse_an_empty_description(string description) =>
        FluentActions
            .Invoking(() => Create(Details(10m) with { Description = description }))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("description");

    [Test]
    public void Should_refuse_an_unknown_category() =>
        FluentActions
            .Invoking(() => Create(Details(10m) with { Category = (ExpenseCategory)99 }))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("expense.category");

    [Test]
    public void Should_need_the_list_of_an_item_based_split()
    {
        var items = new ItemBasedSplit([new ItemCharge(ListItemId.New(), Ben, Eur(10m))], null);

        FluentActions
            .Invoking(() => Create(Details(10m, items)))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("listId");
        Create(Details(10m, items) with { List = List }).Items.Should().ContainSingle();
    }

    [Test]
    public void Should_replace_everything_on_update_keep_split_ids_and_bump_the_version()
    {
        var expense = Create(Details(10m));
        var benSplit = expense.Splits[1].Id;

        expense.Update(
            Details(
                20m,
                new SharesSplit([new(Ben, 1m), new(Cem, 3m)]),
                new MemberAmount(Cem, Eur(20m))
            ),
            Flat,
            Now
        );

        expense.Version.Should().Be(2);
        expense.UpdatedAt.Should().Be(Now);
        expense
            .Splits.Select(s => (s.UserId, s.OwedMinorUnits, s.Weight))
            .Should()
            .Equal((Ben, 500L, 1m), (Cem, 1500L, 3m));
        expense.Splits[0].Id.Should().Be(benSplit);
        expense.Splits[1].Status.Should().Be(SplitStatus.Paid);
        expense.Payers.Should().ContainSingle().Which.UserId.Should().Be(Cem);
    }

    [Test]
    public void Should_leave_the_expense_untouched_when_an_update_is_refused()
    {
        var expense = Create(Details(10m));

        var act = () =>
            expense.Update(
                Details(10m, new EqualSplit([UserId.New()])) with
                {
                    Description = "Other",
                },
                Flat,
                Now
            );

        act.Should().Throw<DomainValidationException>();
        expense.Description.Should().Be("Groceries");
        expense.Version.Should().Be(1);
    }

    [Test]
    public void Should_void_with_who_when_and_why_and_refuse_changes_afterwards()
    {
        var expense = Create(Details(10m));

        expense.Void(Actor.User(Ben), "  Entered twice ", Now);

        expense.IsVoided.Should().BeTrue();
        expense.Voided!.By.Should().Be(Actor.User(Ben));
        expense.Voided!.Reason.Should().Be("Entered twice");
        expense.Version.Should().Be(2);
        FluentActions
            .Invoking(() => expense.Update(Details(5m), Flat, Now))
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("expense.voided");
        FluentActions
            .Invoking(() => expense.Void(Actor.User(Ben), "again", Now))
            .Should()
            .Throw<BusinessRuleViolationException>();
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Should_need_a_reason_to_void(string reason) =>
        FluentActions
            .Invoking(() => Create(Details(10m)).Void(Actor.User(Ana), reason, Now))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("reason");

    [Test]
    public void Should_let_a_partner_client_create_and_void()
    {
        var expense = Expense.Create(Group, Details(10m), Actor.Client("bank-feed"), Flat, Now);

        expense.Void(Actor.Client("bank-feed"), "Duplicate import", Now);

        expense.CreatedBy.ClientId.Should().Be("bank-feed");
        expense.Voided!.By.ClientId.Should().Be("bank-feed");
    }

    [Test]
    public void Should_record_payments_up_to_what_is_still_owed()
    {
        var expense = Create(Details(10m));
        var ben = expense.Splits[1];

        Pay(expense, ben.Id, Eur(1m));
        ben.Status.Should().Be(SplitStatus.PartiallyPaid);
        Pay(expense, ben.Id, Eur(2.33m));

        ben.Status.Should().Be(SplitStatus.Paid);
        ben.Settled.Should().Be(ben.Owed);
    }

    [Test]
    public void Should_refuse_over_settlement_naming_the_remaining_amount()
    {
        var expense = Create(Details(10m));
        var ben = expense.Splits[1];
        Pay(expense, ben.Id, Eur(3m));

        var error = FluentActions
            .Invoking(() => Pay(expense, ben.Id, Eur(0.34m)))
            .Should()
            .Throw<DomainValidationException>()
            .Which;

        error.Code.Should().Be("split.over-settlement");
        error.Message.Should().Contain("0.33 EUR");
        ben.Settled.Should().Be(Eur(3m));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Should_refuse_payments_that_are_not_positive(decimal amount) =>
        FluentActions
            .Invoking(() =>
            {
                var expense = Create(Details(10m));
                Pay(expense, expense.Splits[1].Id, Eur(amount));
            })
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.payment-amount");

    [Test]
    public void Should_refuse_changes_while_payments_are_recorded_until_they_are_reversed()
    {
        var expense = Create(Details(10m));
        var ben = expense.Splits[1];
        Pay(expense, ben.Id, Eur(1m));

        FluentActions
            .Invoking(() => expense.Update(Details(12m), Flat, Now))
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("expense.has-payments");
        FluentActions
            .Invoking(() => expense.Void(Actor.User(Ana), "Wrong", Now))
            .Should()
            .Throw<BusinessRuleViolationException>();

        expense.ReverseSplitPayment(ben.Id, Eur(1m));
        expense.Update(Details(12m), Flat, Now);
        expense.Total.Should().Be(Eur(12m));
    }

    [Test]
    public void Should_refuse_reversing_more_than_was_paid()
    {
        var expense = Create(Details(10m));

        // Ana's split is settled by her own payment, not by a recorded one.
        FluentActions
            .Invoking(() => expense.ReverseSplitPayment(expense.Splits[0].Id, Eur(0.01m)))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("split.reversal");
    }

    [Test]
    public void Should_refuse_payments_on_a_voided_expense()
    {
        var expense = Create(Details(10m));
        expense.Void(Actor.User(Ana), "Wrong", Now);

        FluentActions
            .Invoking(() => Pay(expense, expense.Splits[1].Id, Eur(1m)))
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("expense.voided");
    }

    [Test]
    public void Should_pay_a_split_to_its_payer_and_move_back_when_the_payment_is_voided()
    {
        var expense = Expense.Create(Group, Details(30m), Actor.User(Ana), Flat, Now);
        var ben = expense.Splits.Single(s => s.UserId == Ben);

        var payment = expense.RecordSplitPayment(ben.Id, null, Eur(10m), Now, Actor.User(Ben), Now);

        payment.PayeeUserId.Should().Be(Ana);
        ben.Status.Should().Be(SplitStatus.Paid);
        expense
            .Invoking(e =>
                e.RecordSplitPayment(ben.Id, null, Eur(0.01m), Now, Actor.User(Ben), Now)
            )
            .Should()
            .Throw<DomainValidationException>();
        expense
            .Invoking(e => e.RecordSplitPayment(ben.Id, Cem, Eur(1m), Now, Actor.User(Ben), Now))
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("payeeUserId");

        expense.VoidSplitPayment(payment, Actor.User(Ana), "bounced", Now);

        payment.IsVoided.Should().BeTrue();
        ben.Status.Should().Be(SplitStatus.Unpaid);
    }

    [Test]
    public void Should_settle_a_pending_payment_only_once_its_payee_confirms_it()
    {
        var expense = Expense.Create(Group, Details(30m), Actor.User(Ana), Flat, Now);
        var ben = expense.Splits.Single(s => s.UserId == Ben);
        var partner = Actor.Client("bank-feed");

        var declined = expense.RecordSplitPayment(
            ben.Id,
            null,
            Eur(10m),
            Now,
            partner,
            Now,
            pending: true
        );
        var confirmed = expense.RecordSplitPayment(
            ben.Id,
            null,
            Eur(10m),
            Now,
            partner,
            Now,
            pending: true
        );
        var voided = expense.RecordSplitPayment(
            ben.Id,
            null,
            Eur(5m),
            Now,
            partner,
            Now,
            pending: true
        );

        ben.Status.Should().Be(SplitStatus.Unpaid);
        BalanceEffect.Of(confirmed).IsNone.Should().BeTrue();
        expense
            .Invoking(e => e.ConfirmSplitPayment(confirmed, Ben, Now))
            .Should()
            .Throw<InvalidOperationException>("only the payee decides");

        expense.DeclineSplitPayment(declined, Ana, Now);
        expense.ConfirmSplitPayment(confirmed, Ana, Now);
        expense.VoidSplitPayment(voided, Actor.User(Ana), "never paid", Now);

        (declined.Status, confirmed.Status, confirmed.Version)
            .Should()
            .Be((SettlementStatus.Declined, SettlementStatus.Confirmed, 2));
        ben.Status.Should().Be(SplitStatus.Paid);
        BalanceEffect.Of(confirmed).IsNone.Should().BeFalse();
        BalanceEffect.Of(declined).IsNone.Should().BeTrue();
        expense
            .Invoking(e => e.ConfirmSplitPayment(declined, Ana, Now))
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("split-payment.not-pending");
    }

    /// <summary>Ana, the payer, records that a split's member paid her.</summary>
    private static SplitPayment Pay(Expense expense, ExpenseSplitId splitId, Money amount) =>
        expense.RecordSplitPayment(splitId, payee: null, amount, Now, Actor.User(Ana), Now);
}
