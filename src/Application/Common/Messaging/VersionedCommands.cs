namespace Ledger.Application.Common.Messaging;

public static class VersionedCommands
{
    /// <summary>
    /// Refuses a change made from a stale copy. This check catches most conflicts early; the
    /// version column, a concurrency token, catches the writers that read the same version at
    /// the same time, so exactly one of them wins.
    /// </summary>
    public static void EnsureCurrent(
        this IVersionedCommand command,
        IVersioned resource,
        string resourceName
    )
    {
        if (resource.Version != command.ExpectedVersion)
        {
            throw new VersionConflictException(resourceName, resource.Version);
        }
    }
}
