namespace Ledger.Application.Operations.Commands.PauseJob;

/// <summary>
/// Stops a job's schedule from firing until it is resumed. A run under way finishes. Admins
/// only, an unknown job is 404 (<see cref="JobCommand"/>); handled by <see cref="JobPausingHandler"/>.
/// </summary>
public sealed record PauseJob(string JobName) : JobCommand(JobName);

public sealed class PauseJobValidator : JobCommandValidator<PauseJob>;
