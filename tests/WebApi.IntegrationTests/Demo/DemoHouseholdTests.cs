using AwesomeAssertions;
using Ledger.Application.Chores.Queries.ListChores;
using Ledger.Application.Lists.Queries.GetList;
using Ledger.Application.Lists.Queries.ListShoppingLists;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Identity;
using Ledger.WebApi.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.WebApi.IntegrationTests.Demo;

/// <summary>The demo household (<c>--seed-demo</c>): made through the use cases, once.</summary>
public sealed class DemoHouseholdTests : HttpTest
{
    [Test]
    public async Task Should_give_the_demo_group_a_shared_list_rotating_chores_and_a_personal_list_once()
    {
        var credentials = Path.Combine(Path.GetTempPath(), $"ledger-demo-{Guid.NewGuid():N}.json");
        try
        {
            await using (var scope = ApiHost.Factory.Services.CreateAsyncScope())
            {
                await scope
                    .ServiceProvider.GetRequiredService<DemoUsers>()
                    .SeedAsync(credentials, CancellationToken.None);
            }

            var demo = new DemoData(ApiHost.Factory.Services);
            var group = await demo.SeedGroupAsync(CancellationToken.None);
            await new DemoHousehold(demo).SeedAsync(group, CancellationToken.None);
            await new DemoHousehold(demo).SeedAsync(group, CancellationToken.None);

            var bob = await demo.UserIdAsync(DemoUsers.Accounts[1].Email);
            var alice = await demo.UserIdAsync(DemoUsers.Accounts[0].Email);
            var groupLists = await demo.SendAsAsync(bob, new ListShoppingLists(group), default);
            var groceries = groupLists.Items.Should().ContainSingle().Subject;
            var withItems = await demo.SendAsAsync(
                bob,
                new GetList(ListId.From(groceries.Id)),
                default
            );
            withItems.Items.Should().HaveCount(3).And.ContainSingle(i => i.Price == "8.99");
            (await demo.SendAsAsync(alice, new ListShoppingLists(), default))
                .Items.Should()
                .ContainSingle();
            (await demo.SendAsAsync(bob, new ListShoppingLists(), default))
                .Items.Should()
                .BeEmpty();
            var chores = await demo.SendAsAsync(bob, new ListChores(group), default);
            chores.Items.Should().HaveCount(4).And.OnlyContain(c => c.OpenAssignments.Count == 1);
            chores
                .Items.Select(c => c.Rotation)
                .Distinct()
                .Should()
                .BeEquivalentTo([
                    ChoreRotation.RoundRobin,
                    ChoreRotation.FewestCompletions,
                    ChoreRotation.Fixed,
                ]);
        }
        finally
        {
            File.Delete(credentials);
        }
    }
}
