using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;
using static Ledger.Domain.UnitTests.Expenses.ExpenseGenerators;

namespace Ledger.Domain.UnitTests.Expenses;

public sealed class ReceiptTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly UserId Ana = Member(0);
    private static readonly UserId Ben = Member(1);

    private static Expense Expense(string? importId = null) =>
        Ledger.Domain.Expenses.Expense.Create(
            GroupId.New(),
            new ExpenseDetails(
                "Groceries",
                ExpenseCategory.Groceries,
                Money.Of(10m, "EUR"),
                new DateOnly(2026, 3, 1),
                [new MemberAmount(Ana, Money.Of(10m, "EUR"))],
                new EqualSplit([Ana, Ben])
            ),
            Actor.User(Ana),
            new HashSet<UserId> { Ana, Ben },
            Now,
            importId
        );

    [Test]
    public void Should_attach_by_content_hash_and_detach_once_keeping_who_and_when()
    {
        var expense = Expense();
        var receipt = Receipt.Attach(
            expense,
            new string('a', 64),
            "image/png",
            42,
            Actor.User(Ana),
            Now
        );

        receipt.ExpenseId.Should().Be(expense.Id);
        receipt.GroupId.Should().Be(expense.GroupId);
        receipt.Detach(Actor.User(Ben), Now);
        receipt.IsDetached.Should().BeTrue();
        receipt.Detached!.By.UserId.Should().Be(Ben);
        FluentActions
            .Invoking(() => receipt.Detach(Actor.User(Ben), Now))
            .Should()
            .Throw<BusinessRuleViolationException>();
    }

    [TestCase("../../etc/passwd")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("abc")]
    public void Should_refuse_anything_but_a_lower_case_sha256_as_the_file_name(string hash) =>
        FluentActions
            .Invoking(() => Receipt.Attach(Expense(), hash, "image/png", 42, Actor.User(Ana), Now))
            .Should()
            .Throw<DomainValidationException>();

    [Test]
    public void Should_keep_an_import_id_and_refuse_an_overlong_one()
    {
        Expense("sw:abc:2").ImportId.Should().Be("sw:abc:2");
        Expense().ImportId.Should().BeNull();
        FluentActions
            .Invoking(() =>
                Expense(new string('x', Ledger.Domain.Expenses.Expense.ImportIdMaxLength + 1))
            )
            .Should()
            .Throw<DomainValidationException>();
    }
}
