using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Chores;
using Ledger.Application.Chores.Commands.CreateChore;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class CreateChoreTests : FunctionalTest
{
    [Test]
    public async Task Should_rotate_a_group_chore_among_all_members_and_assign_the_first_occurrence()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);

        var chore = await CreateGroupChoreAsync(group, bob);

        (chore.Type, chore.GroupId, chore.OwnerId, chore.TimeZone, chore.Version)
            .Should()
            .Be((OwnershipType.Group, (Guid?)group.Value, (Guid?)null, GroupZone, 1));
        chore.Participants.Select(p => p.UserId).Should().Equal(alice.Value, bob.Value);
        var first = chore.OpenAssignments.Should().ContainSingle().Subject;
        (first.AssigneeId, first.DueDate, first.Status)
            .Should()
            .Be((alice.Value, TodayIn(GroupZone), AssignmentStatus.Open));
        chore.NextDueDate.Should().Be(TodayIn(GroupZone).AddDays(1));
        (await HistoryAsync(chore, alice))
            .Select(e => (e.Kind, e.ActorUserId, e.AssigneeId))
            .Should()
            .Equal(
                (ChoreEventKind.Assigned, bob.Value, alice.Value),
                (ChoreEventKind.Created, bob.Value, null)
            );
    }

    [Test]
    public async Task Should_start_on_the_first_occurrence_of_the_rule_after_the_first_due_date()
    {
        var (group, alice) = await CreateGroupAsync();
        var start = TodayIn(GroupZone).AddDays(3);

        var chore = await CreateGroupChoreAsync(
            group,
            alice,
            frequency: new FrequencyDto(FrequencyKind.Monthly, DayOfMonth: 31),
            firstDueDate: start
        );

        var lastDayOfMonth = new DateOnly(
            start.Year,
            start.Month,
            DateTime.DaysInMonth(start.Year, start.Month)
        );
        chore.OpenOne().DueDate.Should().Be(lastDayOfMonth);
        chore
            .Frequency.Should()
            .BeEquivalentTo(new FrequencyDto(FrequencyKind.Monthly, DayOfMonth: 31));
    }

    [Test]
    public async Task Should_keep_a_personal_chore_to_its_owner_in_its_own_time_zone()
    {
        var alice = await CreateUserAsync();

        var utc = await CreatePersonalChoreAsync(alice);
        var tokyo = await CreatePersonalChoreAsync(alice, "Asia/Tokyo");

        (utc.Type, utc.OwnerId, utc.TimeZone)
            .Should()
            .Be((OwnershipType.Personal, (Guid?)alice.Value, "UTC"));
        utc.Participants.Select(p => p.UserId).Should().Equal(alice.Value);
        tokyo.TimeZone.Should().Be("Asia/Tokyo");
        tokyo.OpenOne().DueDate.Should().Be(TodayIn("Asia/Tokyo"));
    }

    [Test]
    public async Task Should_refuse_participants_who_are_not_members()
    {
        var (group, alice) = await CreateGroupAsync();
        var mallory = await CreateUserAsync();

        var act = () => CreateGroupChoreAsync(group, alice, participants: [alice, mallory]);

        (await act.Should().ThrowAsync<DomainValidationException>())
            .Which.Field.Should()
            .Be("participantIds");
        (await CountAsync<Chore>()).Should().Be(0);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger_creating_in_a_group()
    {
        var (group, _) = await CreateGroupAsync();
        var mallory = await CreateUserAsync();

        var act = () => CreateGroupChoreAsync(group, mallory);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_validate_the_frequencys_shape_and_the_time_zone()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () =>
            SendAsync(
                new CreateChore(
                    Pii.Name(),
                    new FrequencyDto(FrequencyKind.Weekly, DayOfMonth: 3),
                    GroupId: group,
                    TimeZone: "Europe/Paris"
                ),
                alice
            );

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["Frequency.Weekdays", "Frequency.DayOfMonth", "TimeZone"]);
    }
}
