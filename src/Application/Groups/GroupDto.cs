using Ledger.Domain.Groups;

namespace Ledger.Application.Groups;

/// <summary>A group as its members see it.</summary>
public sealed record GroupDto(
    Guid Id,
    string Name,
    string DefaultCurrency,
    string TimeZone,
    GroupStatus Status,
    GroupRole? MyRole,
    int Version,
    DateTimeOffset CreatedAt
)
{
    public static GroupDto From(Group group, GroupRole? myRole) =>
        new(
            group.Id.Value,
            group.Name,
            group.DefaultCurrency,
            group.TimeZoneId,
            group.Status,
            myRole,
            group.Version,
            group.CreatedAt
        );
}
