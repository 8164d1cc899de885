using AwesomeAssertions;
using Ledger.Application.Chores;
using Ledger.Application.Chores.Commands.CreateChore;
using Ledger.Domain.Chores;
using Ledger.Domain.Operations;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Worker.IntegrationTests;

/// <summary>The chore job, fired by a worker process from the clustered store.</summary>
public sealed class ChoreJobTests
{
    private WorkerTesting _testing = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _testing = await WorkerTesting.CreateAsync("worker-chores");

    [SetUp]
    public Task ResetAsync() => _testing.Database.ResetAsync();

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _testing.DisposeAsync();

    [Test]
    public async Task Should_run_the_due_chore_assignments_command_on_schedule()
    {
        await using var app = new LedgerApplication(_testing.Database.ConnectionString);
        var (group, everyone) = await app.CreateGroupAsync(members: 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.SendAsync(
            new CreateChore(
                Pii.Name("Chore"),
                new FrequencyDto(FrequencyKind.Daily),
                GroupId: group,
                FirstDueDate: today
            ),
            everyone[0]
        );
        var before = await CountAssignmentsAsync(app);

        await using var worker = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Worker__Schedules__create-due-chore-assignments"] = "0/1 * * * * ?",
            }
        );
        var run = await _testing.FinishedRunAsync(
            "create-due-chore-assignments",
            r => r.TriggerName == "schedule.create-due-chore-assignments",
            TimeSpan.FromSeconds(60)
        );

        run.Status.Should().Be(JobRunStatus.Succeeded);
        // What comes due is the command's business (CreateDueChoreAssignmentsTests); here: the
        // job sends it from the clustered store, on the chores there are, and records the run.
        run.Result.Should().MatchRegex("^Examined [01] chores; created [0-9]+ assignments\\.$");
        (await CountAssignmentsAsync(app)).Should().BeGreaterThanOrEqualTo(before);
    }

    private static Task<int> CountAssignmentsAsync(LedgerApplication app) =>
        app.WithDbAsync(db => db.ChoreAssignments.CountAsync());
}
