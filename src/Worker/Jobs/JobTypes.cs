using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>Tells the scheduler to build each job class from the container.</summary>
internal static class JobTypes
{
    public static void Register(IQuartzBuilder quartz)
    {
        quartz.AddJobType<PurgeExpiredInvitesJob>();
        quartz.AddJobType<PurgeGroupDeletionTokensJob>();
        quartz.AddJobType<PurgeGroupsPastRestoreWindowJob>();
        quartz.AddJobType<PruneOAuthTokensJob>();
        quartz.AddJobType<PurgeJobRunsJob>();
        quartz.AddJobType<PurgeOrphanedReceiptsJob>();
        quartz.AddJobType<CheckStorageJob>();
        quartz.AddJobType<GenerateRecurringExpensesJob>();
        quartz.AddJobType<CreateDueChoreAssignmentsJob>();
        quartz.AddJobType<PurgeIdempotencyKeysJob>();
        quartz.AddJobType<SendQueuedEmailsJob>();
        quartz.AddJobType<PurgeWebhookHistoryJob>();
    }
}
