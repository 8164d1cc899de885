namespace Ledger.Domain.Chores;

/// <summary>What a chore is, as its creator describes it.</summary>
/// <param name="TimeZoneId">
/// Personal chores only: the IANA zone their dates are in (UTC if not given). A group chore
/// follows its group's time zone, so it has none of its own.
/// </param>
public sealed record ChoreDefinition(
    string Name,
    string? Description,
    ChoreFrequency Frequency,
    ChoreRotation Rotation,
    string? TimeZoneId = null
);
