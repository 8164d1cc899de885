using AwesomeAssertions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Domain.UnitTests.Chores.ChoreScenarios;

namespace Ledger.Domain.UnitTests.Chores;

public sealed class ChoreSchedulingTests
{
    [Test]
    public void Should_assign_the_first_occurrence_at_creation_and_record_it()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);

        var first = chore.Assignments.Should().ContainSingle().Subject;
        (first.AssigneeUserId, first.DueDate, first.Status)
            .Should()
            .Be((Ana, Today, AssignmentStatus.Open));
        chore.NextDueDate.Should().Be(Today.AddDays(1));
        chore
            .RecordedHistory.Select(e => (e.Kind, e.Actor, e.AssignmentId))
            .Should()
            .Equal(
                (ChoreEventKind.Created, Actor.User(Ana), null),
                (ChoreEventKind.Assigned, Actor.User(Ana), first.Id)
            );
    }

    [Test]
    public void Should_start_on_the_first_occurrence_of_the_rule_on_or_after_the_first_due_date()
    {
        // Today is a Monday; the rule says Thursdays.
        var chore = GroupChore(
            ChoreRotation.RoundRobin,
            ChoreFrequency.Weekly([DayOfWeek.Thursday])
        );

        chore.OpenOne().DueDate.Should().Be(new DateOnly(2026, 3, 5));
        chore.NextDueDate.Should().Be(new DateOnly(2026, 3, 12));
    }

    [Test]
    public void Should_schedule_the_next_occurrence_for_the_next_member_on_completion()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin, ChoreFrequency.Weekly([DayOfWeek.Monday]));
        var first = chore.OpenOne();

        chore.Complete(first.Id, Ana, Today, Now);

        (first.Status, first.CompletedBy, first.CompletedAt)
            .Should()
            .Be((AssignmentStatus.Completed, (UserId?)Ana, (DateTimeOffset?)Now));
        var next = chore.OpenOne();
        (next.AssigneeUserId, next.DueDate).Should().Be((Ben, Today.AddDays(7)));
        chore
            .RecordedHistory.TakeLast(2)
            .Select(e => e.Kind)
            .Should()
            .Equal(ChoreEventKind.Completed, ChoreEventKind.Assigned);
    }

    [Test]
    public void Should_let_occurrences_lapse_that_passed_while_nobody_was_assigned()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);
        var monday = chore.OpenOne();

        // Completed on Thursday; the job never ran in between.
        chore.Complete(monday.Id, Ana, Today.AddDays(3), Now.AddDays(3));

        var next = chore.OpenOne();
        (next.AssigneeUserId, next.DueDate).Should().Be((Ben, Today.AddDays(3)));
        chore.NextDueDate.Should().Be(Today.AddDays(4));
    }

    [Test]
    public void Should_assign_occurrences_that_come_due_while_an_earlier_one_is_open_exactly_once()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);

        var early = chore.AssignDueOccurrence(Today, Job, Now);
        var tuesday = chore.AssignDueOccurrence(Today.AddDays(1), Job, Now.AddDays(1));
        var again = chore.AssignDueOccurrence(Today.AddDays(1), Job, Now.AddDays(1));

        early.Should().BeNull();
        again.Should().BeNull();
        (tuesday!.AssigneeUserId, tuesday.DueDate).Should().Be((Ben, Today.AddDays(1)));
        chore.OpenAssignments.Should().HaveCount(2);
        chore.RecordedHistory[^1].Actor.Should().Be(Job);
    }

    [Test]
    public void Should_assign_only_the_latest_due_occurrence_when_the_job_catches_up()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);

        var assigned = chore.AssignDueOccurrence(Today.AddDays(5), Job, Now.AddDays(5));

        assigned!.DueDate.Should().Be(Today.AddDays(5));
        chore.Assignments.Should().HaveCount(2);
        chore.NextDueDate.Should().Be(Today.AddDays(6));
    }

    [Test]
    public void Should_schedule_from_the_due_date_when_completed_early()
    {
        var chore = GroupChore(
            ChoreRotation.Fixed,
            ChoreFrequency.EveryNDays(3),
            firstDueDate: Today.AddDays(2)
        );

        chore.CompleteNext(Today);

        chore.OpenOne().DueDate.Should().Be(Today.AddDays(5));
    }

    [Test]
    public void Should_stop_after_the_single_occurrence_of_a_one_off_chore()
    {
        var chore = GroupChore(
            ChoreRotation.RoundRobin,
            ChoreFrequency.Once(),
            firstDueDate: Today.AddDays(4)
        );

        chore.CompleteNext();

        chore.OpenAssignments.Should().BeEmpty();
        chore.NextDueDate.Should().BeNull();
        chore.AssignDueOccurrence(Today.AddDays(30), Job, Now).Should().BeNull();
    }

    [Test]
    public void Should_reopen_a_completion_made_by_mistake_and_take_back_the_credit()
    {
        var chore = GroupChore(
            ChoreRotation.FewestCompletions,
            ChoreFrequency.Weekly([DayOfWeek.Monday])
        );
        var first = chore.OpenOne();
        chore.Complete(first.Id, Ben, Today, Now);

        chore.Reopen(first.Id, Ben, Now);

        (first.Status, first.CompletedBy, first.Version)
            .Should()
            .Be((AssignmentStatus.Open, (UserId?)null, 3));
        chore.Participants.Single(p => p.UserId == Ben).Completions.Should().Be(0);
        chore.RecordedHistory[^1].Kind.Should().Be(ChoreEventKind.Reopened);
        var reopenAgain = () => chore.Reopen(first.Id, Ben, Now);
        reopenAgain
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("chore.assignment-open");
    }

    [Test]
    public void Should_refuse_completing_a_closed_assignment()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);
        var first = chore.OpenOne();
        chore.Complete(first.Id, Ana, Today, Now);

        var twice = () => chore.Complete(first.Id, Ana, Today, Now);
        var skip = () => chore.Skip(first.Id, Ana, Today, Now);

        twice
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("chore.assignment-closed");
        skip.Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("chore.assignment-closed");
    }

    [Test]
    public void Should_freeze_an_archived_chore_and_resume_from_today_when_unarchived()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);
        var first = chore.OpenOne();
        chore.Archive(Ana, Now);

        var complete = () => chore.Complete(first.Id, Ana, Today, Now);
        complete
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("chore.archived");
        chore.AssignDueOccurrence(Today.AddDays(3), Job, Now).Should().BeNull();
        chore.Version.Should().Be(2);

        chore.Unarchive(Today.AddDays(10), Ben, Now.AddDays(10));
        chore.Complete(first.Id, Ana, Today.AddDays(10), Now.AddDays(10));

        chore.Version.Should().Be(3);
        chore.OpenOne().DueDate.Should().Be(Today.AddDays(10));
        chore
            .RecordedHistory.Select(e => e.Kind)
            .Should()
            .ContainInOrder(
                ChoreEventKind.Archived,
                ChoreEventKind.Unarchived,
                ChoreEventKind.Completed,
                ChoreEventKind.Assigned
            );
    }

    [Test]
    public void Should_update_the_definition_and_reschedule_after_the_latest_assigned_occurrence()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin, ChoreFrequency.Weekly([DayOfWeek.Friday]));

        chore.Update(
            new ChoreDefinition(
                "Bins and glass",
                null,
                ChoreFrequency.Monthly(31),
                ChoreRotation.Fixed
            ),
            [Cleo, Ana],
            Members,
            Today,
            Ben,
            Now
        );

        (chore.Name, chore.Description, chore.Rotation, chore.Version)
            .Should()
            .Be(("Bins and glass", (string?)null, ChoreRotation.Fixed, 2));
        chore.OpenOne().DueDate.Should().Be(new DateOnly(2026, 3, 6));
        chore.NextDueDate.Should().Be(new DateOnly(2026, 3, 31));
        chore.ActiveParticipants.Select(p => p.UserId).Should().Equal(Cleo, Ana);
        chore
            .RecordedHistory[^1]
            .Should()
            .Match<ChoreEvent>(e => e.Kind == ChoreEventKind.Updated && e.Actor.UserId == Ben);
    }

    [Test]
    public void Should_refuse_participants_who_are_not_members()
    {
        var stranger = UserId.New();

        var create = () => GroupChore(ChoreRotation.RoundRobin, participants: [Ana, stranger]);
        var duplicate = () => GroupChore(ChoreRotation.RoundRobin, participants: [Ana, Ana]);
        var none = () => GroupChore(ChoreRotation.RoundRobin, participants: []);

        foreach (var act in new[] { create, duplicate, none })
        {
            act.Should()
                .Throw<DomainValidationException>()
                .Which.Field.Should()
                .Be("participantIds");
        }
    }

    [Test]
    public void Should_keep_a_personal_chore_to_its_owner_in_its_own_time_zone()
    {
        var chore = Chore.Create(
            Ownership.Personal(Dan),
            new ChoreDefinition("Vitamins", null, ChoreFrequency.Daily(), ChoreRotation.RoundRobin),
            [],
            new HashSet<UserId>(),
            Today,
            Today,
            Dan,
            Now
        );

        chore.TimeZoneId.Should().Be("UTC");
        chore.ActiveParticipants.Select(p => p.UserId).Should().Equal(Dan);
        chore.OpenOne().AssigneeUserId.Should().Be(Dan);
        var reassign = () => chore.Reassign(chore.OpenOne().Id, Ana, Members, Dan, Now);
        reassign.Should().Throw<DomainValidationException>().Which.Field.Should().Be("assigneeId");
        var withOthers = () =>
            Chore.Create(
                Ownership.Personal(Dan),
                new ChoreDefinition(
                    "Vitamins",
                    null,
                    ChoreFrequency.Daily(),
                    ChoreRotation.RoundRobin
                ),
                [Dan, Ana],
                Members,
                Today,
                Today,
                Dan,
                Now
            );
        withOthers
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("participantIds");
    }

    [Test]
    public void Should_refuse_a_time_zone_of_its_own_on_a_group_chore_and_unknown_zones()
    {
        var groupWithZone = () =>
            Chore.Create(
                Ownership.OfGroup(GroupId.New()),
                new ChoreDefinition(
                    "Bins",
                    null,
                    ChoreFrequency.Daily(),
                    ChoreRotation.RoundRobin,
                    "Europe/Berlin"
                ),
                [Ana],
                Members,
                Today,
                Today,
                Ana,
                Now
            );
        var unknownZone = () =>
            Chore.Create(
                Ownership.Personal(Ana),
                new ChoreDefinition(
                    "Bins",
                    null,
                    ChoreFrequency.Daily(),
                    ChoreRotation.RoundRobin,
                    "Mars/Olympus"
                ),
                [],
                Members,
                Today,
                Today,
                Ana,
                Now
            );

        groupWithZone
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("chore.time-zone");
        unknownZone
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("timezone.unknown");
    }

    [Test]
    public void Should_refuse_a_first_due_date_more_than_a_year_back()
    {
        var act = () =>
            GroupChore(
                ChoreRotation.RoundRobin,
                firstDueDate: Today.AddDays(-Chore.MaxDaysBack - 1)
            );

        act.Should().Throw<DomainValidationException>().Which.Field.Should().Be("firstDueDate");
    }
}
