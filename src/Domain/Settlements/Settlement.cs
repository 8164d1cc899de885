using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Settlements;

/// <summary>
/// A payment from one member to another in a currency, outside any one expense. Recorded by the
/// payee it is confirmed at once; recorded by anyone else it waits for the payee to confirm or
/// decline it. Only confirmed, not voided settlements count in the balances. That the amount
/// flips nobody's balance depends on the balances at confirmation, which the over-settlement
/// check guards under a lock; this class guards the settlement's own rules.
/// </summary>
public sealed class Settlement : AggregateRoot<SettlementId>, IVersioned
{
    public const int NoteMaxLength = 500;

    private Settlement()
    {
        Currency = string.Empty;
    }

    public GroupId GroupId { get; private init; }
    public UserId FromUserId { get; private init; }
    public UserId ToUserId { get; private init; }
    public string Currency { get; private init; }
    public long AmountMinorUnits { get; private init; }
    public string? Note { get; private init; }
    public SettlementStatus Status { get; private set; }
    public Actor RecordedBy { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Who voided the settlement, when and why; null while it counts.</summary>
    public VoidRecord? Voided { get; private set; }

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, Currency);
    public bool IsVoided => Voided is not null;

    /// <summary>Whether it moves the balances: confirmed and not voided.</summary>
    public bool Counts => MemberPayment.Counts(Voided, Status);

    /// <param name="members">The group's active members: payer and payee must be two of them.</param>
    public static Settlement Record(
        GroupId groupId,
        UserId from,
        UserId to,
        Money amount,
        string? note,
        Actor recordedBy,
        IReadOnlySet<UserId> members,
        DateTimeOffset now
    )
    {
        if (from == to)
        {
            throw new DomainValidationException(
                "settlement.same-member",
                "toUserId: a member cannot pay themselves.",
                "toUserId"
            );
        }

        foreach (var (member, field) in new[] { (from, "fromUserId"), (to, "toUserId") })
        {
            if (!members.Contains(member))
            {
                throw new DomainValidationException(
                    "settlement.not-member",
                    $"{field}: payer and payee must both be members of the group.",
                    field
                );
            }
        }

        if (!amount.IsPositive)
        {
            throw new DomainValidationException(
                "settlement.amount",
                "amount: a settlement is above 0.",
                "amount"
            );
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            throw new DomainValidationException(
                "settlement.note",
                $"note: at most {NoteMaxLength} characters.",
                "note"
            );
        }

        recordedBy = recordedBy.Require(
            "settlement.recorder",
            "A settlement needs who recorded it."
        );
        var byPayee = recordedBy.UserId == to;
        var settlement = new Settlement
        {
            Id = SettlementId.New(),
            GroupId = groupId,
            FromUserId = from,
            ToUserId = to,
            Currency = amount.Currency,
            AmountMinorUnits = amount.ToMinorUnits(),
            Note = note,
            Status = byPayee ? SettlementStatus.Confirmed : SettlementStatus.Pending,
            RecordedBy = recordedBy,
            RecordedAt = now,
            DecidedAt = byPayee ? now : null,
            Version = 1,
        };
        settlement.Raise(
            new SettlementRecorded(
                groupId,
                settlement.Id,
                from,
                to,
                settlement.Amount.ToCanonicalString(),
                settlement.Currency,
                settlement.Status,
                settlement.Version
            )
        );
        return settlement;
    }

    /// <summary>The payee received it: from now on it counts.</summary>
    public void Confirm(UserId by, DateTimeOffset now)
    {
        Decide(by, SettlementStatus.Confirmed, now);
        Raise(new SettlementConfirmed(GroupId, Id, Version));
    }

    /// <summary>The payee says it never arrived.</summary>
    public void Decline(UserId by, DateTimeOffset now)
    {
        Decide(by, SettlementStatus.Declined, now);
        Raise(new SettlementDeclined(GroupId, Id, Version));
    }

    public void Void(Actor by, string reason, DateTimeOffset now)
    {
        Voided = MemberPayment.Void(Voided, by, reason, now, "settlement", "settlement");
        Version++;
        Raise(new SettlementVoided(GroupId, Id, Version));
    }

    private void Decide(UserId by, SettlementStatus decision, DateTimeOffset now)
    {
        if (by != ToUserId)
        {
            throw new BusinessRuleViolationException(
                "settlement.not-payee",
                "Only the payee can confirm or decline a settlement."
            );
        }

        Status = MemberPayment.Decide(Voided, Status, decision, "settlement", "settlement");
        DecidedAt = now;
        Version++;
    }
}
