using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Chores;

/// <summary>
/// The export's "chores": the user's personal chores, and every assignment of any chore that
/// was theirs to do or that they completed or skipped.
/// </summary>
public sealed class ChoresPersonalData(IApplicationDbContext db) : IPersonalDataSection
{
    public string Name => "chores";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken)
    {
        var personal = await db
            .Chores.AsNoTracking()
            .Where(c => c.OwnerUserId == userId)
            .Include(c => c.Participants)
            .Include(c => c.Assignments)
            .AsSplitQuery()
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var assignments = await db
            .ChoreAssignments.AsNoTracking()
            .Where(a =>
                a.AssigneeUserId == userId || a.CompletedBy == userId || a.SkippedBy == userId
            )
            .OrderBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return new ChoresExport(
            personal.Select(c => ChoreDto.From(c, c.TimeZoneId ?? string.Empty)).ToList(),
            assignments.Select(AssignmentDto.From).ToList()
        );
    }
}

public sealed record ChoresExport(
    IReadOnlyList<ChoreDto> PersonalChores,
    IReadOnlyList<AssignmentDto> Assignments
);
