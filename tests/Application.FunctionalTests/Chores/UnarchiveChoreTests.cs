using AwesomeAssertions;
using Ledger.Application.Chores.Commands.ArchiveChore;
using Ledger.Application.Chores.Commands.UnarchiveChore;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class UnarchiveChoreTests : FunctionalTest
{
    [Test]
    public async Task Should_resume_a_chore_where_the_calendar_is_now()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        await SendAsync(new ArchiveChore(IdOf(chore), 1), alice);
        Clock.Advance(TimeSpan.FromDays(5));

        var back = await SendAsync(new UnarchiveChore(IdOf(chore), 2), alice);

        (back.Archived, back.Version).Should().Be((false, 3));
        // The first occurrence is still open; the days it was archived lapse once it is done.
        back.OpenOne().DueDate.Should().Be(TodayIn(GroupZone).AddDays(-5));
        var done = await CompleteOpenAsync(back, alice);
        done.Status.Should().Be(AssignmentStatus.Completed);
        (await ReadChoreAsync(chore, alice)).OpenOne().DueDate.Should().Be(TodayIn(GroupZone));
    }

    [Test]
    public async Task Should_refuse_unarchiving_a_chore_that_is_not_archived()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);

        var act = () => SendAsync(new UnarchiveChore(IdOf(chore), 1), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("chore.not-archived");
    }
}
