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
}
