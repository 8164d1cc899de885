namespace Ledger.Application.Operations.Commands.ResumeJob;

/// <summary>
/// Lets a paused job's schedule fire again. A firing missed while paused is handled by the
/// job's misfire policy (run once now, or wait for the next one). Admins only, an unknown job
/// is 404 (<see cref="JobCommand"/>); handled by <see cref="JobPausingHandler"/>.
/// </summary>
public sealed record ResumeJob(string JobName) : JobCommand(JobName);

public sealed class ResumeJobValidator : JobCommandValidator<ResumeJob>;
