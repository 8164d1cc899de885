using AwesomeAssertions;
using Ledger.Application.Chores.Commands.ArchiveChore;
using Ledger.Application.Chores.Commands.CompleteChoreAssignment;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class ArchiveChoreTests : FunctionalTest
{
    [Test]
    public async Task Should_archive_a_chore_freezing_its_assignments_and_keeping_its_history()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);

        var archived = await SendAsync(new ArchiveChore(IdOf(chore), 1), bob);

        (archived.Archived, archived.Version).Should().Be((true, 2));
        var open = chore.OpenOne();
        var complete = () =>
            SendAsync(
                new CompleteChoreAssignment(
                    IdOf(chore),
                    ChoreAssignmentId.From(open.Id),
                    open.Version
                ),
                alice
            );
        (await complete.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("chore.archived");
        (await HistoryAsync(chore, alice))
            .Select(e => e.Kind)
            .Should()
            .StartWith(ChoreEventKind.Archived)
            .And.HaveCount(3);
    }

    [Test]
    public async Task Should_refuse_a_stale_version_and_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        var mallory = await CreateUserAsync();

        var stale = () => SendAsync(new ArchiveChore(IdOf(chore), 3), alice);
        var stranger = () => SendAsync(new ArchiveChore(IdOf(chore), 1), mallory);

        await stale.Should().ThrowAsync<VersionConflictException>();
        await stranger.Should().ThrowAsync<NotFoundException>();
        (await ReadChoreAsync(chore, alice)).Archived.Should().BeFalse();
    }
}
