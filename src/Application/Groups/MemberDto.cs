using Ledger.Domain.Groups;

namespace Ledger.Application.Groups;

/// <summary>A member of a group as the other members see them.</summary>
public sealed record MemberDto(
    Guid UserId,
    string DisplayName,
    GroupRole Role,
    DateTimeOffset JoinedAt
)
{
    public static async Task<IReadOnlyList<MemberDto>> FromAsync(
        IReadOnlyList<Membership> memberships,
        IUserDirectory users,
        CancellationToken cancellationToken
    )
    {
        var names = await users.DisplayNamesAsync(
            memberships.Select(m => m.UserId).ToList(),
            cancellationToken
        );
        return memberships
            .Select(m => new MemberDto(
                m.UserId.Value,
                names.GetValueOrDefault(m.UserId, string.Empty),
                m.Role,
                m.JoinedAt
            ))
            .ToList();
    }
}
