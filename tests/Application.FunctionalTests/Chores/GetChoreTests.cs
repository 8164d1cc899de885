using AwesomeAssertions;
using Ledger.Application.Chores.Queries.GetChore;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class GetChoreTests : FunctionalTest
{
    [Test]
    public async Task Should_show_a_group_chore_to_its_members()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);

        var read = await SendAsync(new GetChore(IdOf(chore)), bob);

        // PostgreSQL keeps microseconds; the answer to the creation had the clock's ticks.
        read.Should()
            .BeEquivalentTo(
                chore,
                options =>
                    options
                        .Using<DateTimeOffset>(c =>
                            c.Subject.Should()
                                .BeCloseTo(c.Expectation, TimeSpan.FromMilliseconds(1))
                        )
                        .WhenTypeIs<DateTimeOffset>()
            );
    }

    [Test]
    public async Task Should_answer_not_found_to_anyone_who_may_not_read_the_chore()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        var groupChore = await CreateGroupChoreAsync(group, alice);
        var personal = await CreatePersonalChoreAsync(alice);
        await SendAsync(new LeaveGroup(group), carol);
        var mallory = await CreateUserAsync();

        var attempts = new Func<Task>[]
        {
            () => SendAsync(new GetChore(IdOf(groupChore)), mallory),
            () => SendAsync(new GetChore(IdOf(groupChore)), carol),
            () => SendAsync(new GetChore(IdOf(personal)), bob),
            () => SendAsync(new GetChore(ChoreId.New()), alice),
        };

        foreach (var attempt in attempts)
        {
            (await attempt.Should().ThrowAsync<NotFoundException>())
                .Which.Message.Should()
                .Be("The chore was not found.");
        }
    }
}
