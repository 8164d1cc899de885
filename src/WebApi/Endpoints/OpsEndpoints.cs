using Ledger.Application.Operations.Queries.ListJobs;
using Ledger.WebApi.Http;
using Ledger.WebApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// The ops API for platform admins: the worker cluster's jobs, run one now, pause, resume.
/// Everyone else gets 404, as for anything they may not read. Every change is audited.
/// </summary>
public static class OpsEndpoints
{
    public static RouteGroupBuilder MapOpsEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/ops/jobs").WithTags("Operations");
        jobs.MapGet("/", ListJobs);
        jobs.MapPost("/{jobName}/trigger", TriggerJob).RequireExpensiveRateLimit();
        jobs.MapPost("/{jobName}/pause", PauseJob);
        jobs.MapPost("/{jobName}/resume", ResumeJob);
        return jobs;
    }

    public static Task<Ok<IReadOnlyList<JobDto>>> ListJobs(ApiCall call) => call.Ok(new ListJobs());

    /// <summary>202: the run is queued; a worker node starts it within seconds.</summary>
    public static async Task<Accepted> TriggerJob(string jobName, ApiCall call)
    {
        await call.Send(new Application.Operations.Commands.TriggerJob.TriggerJob(jobName));
        return TypedResults.Accepted("/api/v1/ops/jobs");
    }

    public static Task<NoContent> PauseJob(string jobName, ApiCall call) =>
        call.NoContent(new Application.Operations.Commands.PauseJob.PauseJob(jobName));

    public static Task<NoContent> ResumeJob(string jobName, ApiCall call) =>
        call.NoContent(new Application.Operations.Commands.ResumeJob.ResumeJob(jobName));
}
