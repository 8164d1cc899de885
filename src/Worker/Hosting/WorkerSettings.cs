namespace Ledger.Worker.Hosting;

/// <summary>The <c>Worker</c> configuration section.</summary>
public sealed class WorkerSettings
{
    public const string SectionName = "Worker";

    /// <summary>Jobs one worker runs at once. Every job is short and mostly waits on PostgreSQL.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>
    /// How often an idle node looks for due triggers; bounds the delay before a job queued by
    /// the ops API starts.
    /// </summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-job cron overrides, by job name (<c>Worker:Schedules:check-storage</c>).</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per-job wall-clock budget overrides, by job name (<c>Worker:Timeouts:check-storage</c>,
    /// e.g. <c>00:02:00</c>); a job without one keeps its default from <see cref="Jobs.LedgerJobs"/>.
    /// </summary>
    public Dictionary<string, TimeSpan> Timeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How often this node checks in with the cluster (Quartz' default, 7.5 s, when unset). A
    /// node that missed its check-in by <see cref="ClusterCheckinMisfireThreshold"/> is taken
    /// as dead, and its running jobs are recovered by another node.
    /// </summary>
    public TimeSpan? ClusterCheckinInterval { get; set; }

    /// <summary>How late a check-in may be before the node counts as dead (Quartz' default, 7.5 s, when unset).</summary>
    public TimeSpan? ClusterCheckinMisfireThreshold { get; set; }

    /// <summary>The budget of the job: its override, or its definition's default.</summary>
    public TimeSpan TimeoutOf(Jobs.JobDefinition definition) =>
        Timeouts.TryGetValue(definition.Name, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : definition.Timeout;
}
