using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>Tells the scheduler to build each job class of <see cref="LedgerJobs"/> from the container.</summary>
internal static class JobTypes
{
    public static void Register(IQuartzBuilder quartz)
    {
        foreach (var job in LedgerJobs.All)
        {
            job.RegisterType(quartz);
        }
    }
}
