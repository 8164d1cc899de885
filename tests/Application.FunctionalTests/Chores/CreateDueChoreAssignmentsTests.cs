using AwesomeAssertions;
using Ledger.Application.Chores.Commands.ArchiveChore;
using Ledger.Application.Chores.Commands.CreateDueChoreAssignments;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

/// <summary>The domain operation the scheduled job calls: "create due assignments up to X".</summary>
public sealed class CreateDueChoreAssignmentsTests : FunctionalTest
{
    [Test]
    public async Task Should_assign_occurrences_that_came_due_while_earlier_ones_are_open_once()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        var tomorrow = Clock.GetUtcNow().AddDays(1);

        var first = await SendAsSystemAsync(new CreateDueChoreAssignments(tomorrow));
        var second = await SendAsSystemAsync(new CreateDueChoreAssignments(tomorrow));

        (first.Examined, first.Created, first.ContinueAfter).Should().Be((1, 1, (Guid?)null));
        second.Created.Should().Be(0);
        var after = await ReadChoreAsync(chore, alice);
        after
            .OpenAssignments.Select(a => (a.AssigneeId, a.DueDate))
            .Should()
            .Equal((alice.Value, TodayIn(GroupZone)), (bob.Value, TodayIn(GroupZone).AddDays(1)));
        (await HistoryAsync(chore, alice))[0]
            .Should()
            .Match<Ledger.Application.Chores.ChoreEventDto>(e =>
                e.Kind == ChoreEventKind.Assigned
                && e.ActorUserId == null
                && e.ActorClientId == "ledger.worker"
            );
    }

    [Test]
    public async Task Should_judge_what_is_due_by_each_chores_own_time_zone()
    {
        var alice = await CreateUserAsync();
        var start = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(2);
        // UTC+14 and UTC-11: a day apart at any moment.
        var kiritimati = await CreatePersonalChoreAsync(
            alice,
            "Pacific/Kiritimati",
            firstDueDate: start
        );
        var pagoPago = await CreatePersonalChoreAsync(
            alice,
            "Pacific/Pago_Pago",
            firstDueDate: start
        );
        var startUtc = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // 10:30 UTC on the start date: already the next day in Kiritimati, still the day before in Pago Pago.
        var early = await SendAsSystemAsync(new CreateDueChoreAssignments(startUtc.AddHours(10.5)));
        // 12:00 UTC on the next day: the next day in Pago Pago, already the one after in Kiritimati.
        var later = await SendAsSystemAsync(new CreateDueChoreAssignments(startUtc.AddHours(36)));

        (early.Created, later.Created).Should().Be((1, 2));
        (await ReadChoreAsync(kiritimati, alice))
            .OpenAssignments.Select(a => a.DueDate)
            .Should()
            .Equal(start, start.AddDays(1), start.AddDays(2));
        (await ReadChoreAsync(pagoPago, alice))
            .OpenAssignments.Select(a => a.DueDate)
            .Should()
            .Equal(start, start.AddDays(1));
    }

    [Test]
    public async Task Should_leave_archived_chores_and_deleted_groups_alone()
    {
        var (group, alice) = await CreateGroupAsync();
        var archived = await CreateGroupChoreAsync(group, alice);
        await SendAsync(new ArchiveChore(IdOf(archived), 1), alice);
        var (deletedGroup, bob) = await CreateGroupAsync();
        await CreateGroupChoreAsync(deletedGroup, bob);
        await DeleteGroupAsync(deletedGroup, bob);

        var result = await SendAsSystemAsync(
            new CreateDueChoreAssignments(Clock.GetUtcNow().AddDays(3))
        );

        (result.Examined, result.Created).Should().Be((0, 0));
        (await WithDbAsync(db => db.ChoreAssignments.CountAsync())).Should().Be(2);
    }

    [Test]
    public async Task Should_work_through_the_chores_in_batches()
    {
        var (group, alice) = await CreateGroupAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateGroupChoreAsync(group, alice);
        }

        var asOf = Clock.GetUtcNow().AddDays(1);
        var first = await SendAsSystemAsync(new CreateDueChoreAssignments(asOf, BatchSize: 2));
        var second = await SendAsSystemAsync(
            new CreateDueChoreAssignments(asOf, ChoreId.From(first.ContinueAfter!.Value), 2)
        );

        (first.Created, second.Created, second.ContinueAfter).Should().Be((2, 1, (Guid?)null));
    }

    [Test]
    public async Task Should_assign_each_occurrence_exactly_once_when_runs_race()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        var asOf = Clock.GetUtcNow().AddDays(1);

        var failures = await RowRace.RaceAsync(
            ConnectionString,
            "chores",
            chore.Id,
            5,
            _ => SendAsSystemAsync(new CreateDueChoreAssignments(asOf))
        );

        failures.Should().OnlyContain(f => f == null);
        (await WithDbAsync(db => db.ChoreAssignments.CountAsync())).Should().Be(2);
    }

    [Test]
    public async Task Should_refuse_users()
    {
        var alice = await CreateUserAsync();

        var act = () => SendAsync(new CreateDueChoreAssignments(Clock.GetUtcNow()), alice);

        await act.Should().ThrowAsync<ForbiddenException>();
    }
}
