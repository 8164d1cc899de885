namespace Ledger.Application.Operations;

/// <summary>The audit actions of the ops API. The record is the job, by name.</summary>
public static class OperationsAudit
{
    public const string JobRecord = "job";

    public const string JobTriggered = "ops.job-triggered";
    public const string JobPaused = "ops.job-paused";
    public const string JobResumed = "ops.job-resumed";

    public const string ConfigurationRecord = "configuration";
    public const string ConfigurationReloaded = "ops.configuration-reloaded";
}
