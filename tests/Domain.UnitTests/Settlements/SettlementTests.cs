using AwesomeAssertions;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Domain.UnitTests.Settlements;

public sealed class SettlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly GroupId Group = GroupId.New();
    private static readonly UserId Ana = UserId.New();
    private static readonly UserId Ben = UserId.New();
    private static readonly HashSet<UserId> Members = [Ana, Ben];

    private static Settlement BenPaysAna(UserId recordedBy, decimal amount = 10m) =>
        Settlement.Record(
            Group,
            Ben,
            Ana,
            Money.Of(amount, "EUR"),
            null,
            Actor.User(recordedBy),
            Members,
            Now
        );

    [Test]
    public void Should_be_confirmed_when_the_payee_records_it_and_pending_otherwise()
    {
        BenPaysAna(Ana).Status.Should().Be(SettlementStatus.Confirmed);
        BenPaysAna(Ben).Status.Should().Be(SettlementStatus.Pending);
        BalanceEffect.Of(BenPaysAna(Ben)).IsNone.Should().BeTrue();
    }

    [Test]
    public void Should_move_the_payer_up_and_the_payee_down_once_confirmed()
    {
        var settlement = BenPaysAna(Ben);

        settlement.Confirm(Ana, Now);

        settlement.Version.Should().Be(2);
        BalanceEffect
            .Of(settlement)
            .Lines.Should()
            .BeEquivalentTo([new MemberNet(Ben, "EUR", 1000), new MemberNet(Ana, "EUR", -1000)]);
    }

    [Test]
    public void Should_let_only_the_payee_decide_and_only_once()
    {
        var settlement = BenPaysAna(Ben);

        settlement
            .Invoking(s => s.Confirm(Ben, Now))
            .Should()
            .Throw<BusinessRuleViolationException>();
        settlement.Decline(Ana, Now);
        settlement
            .Invoking(s => s.Confirm(Ana, Now))
            .Should()
            .Throw<BusinessRuleViolationException>();
        settlement.Counts.Should().BeFalse();
    }

    [Test]
    public void Should_refuse_paying_oneself_strangers_and_amounts_not_above_zero()
    {
        var self = () =>
            Settlement.Record(
                Group,
                Ana,
                Ana,
                Money.Of(1m, "EUR"),
                null,
                Actor.User(Ana),
                Members,
                Now
            );
        var stranger = () =>
            Settlement.Record(
                Group,
                UserId.New(),
                Ana,
                Money.Of(1m, "EUR"),
                null,
                Actor.User(Ana),
                Members,
                Now
            );
        var zero = () => BenPaysAna(Ana, 0m);

        self.Should().Throw<DomainValidationException>();
        stranger.Should().Throw<DomainValidationException>().Which.Field.Should().Be("fromUserId");
        zero.Should().Throw<DomainValidationException>().Which.Field.Should().Be("amount");
    }

    [Test]
    public void Should_need_a_reason_to_void_and_stop_counting()
    {
        var settlement = BenPaysAna(Ana);

        settlement
            .Invoking(s => s.Void(Actor.User(Ana), " ", Now))
            .Should()
            .Throw<DomainValidationException>();
        settlement.Void(Actor.User(Ana), "typo", Now);

        settlement.Counts.Should().BeFalse();
        BalanceEffect.Of(settlement).IsNone.Should().BeTrue();
        settlement
            .Invoking(s => s.Void(Actor.User(Ana), "again", Now))
            .Should()
            .Throw<BusinessRuleViolationException>();
    }
}
