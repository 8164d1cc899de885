namespace Ledger.Application.Common.PersonalData;

/// <summary>
/// One area's part of a user's data export (GDPR access and portability). Each area that keeps
/// data about users adds a section and registers it in AddApplication; the export composes
/// them all, so a new area cannot be left out by forgetting to change the export itself.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The section's property name in the export (camelCase).</summary>
    string Name { get; }

    Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken);
}
