using AwesomeAssertions;
using Ledger.Application.Chores.Queries.ListChores;
using Ledger.Application.Lists.Queries.ListShoppingLists;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.Domain.Lists;
using Ledger.Infrastructure.Demo;
using Ledger.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Demo;

/// <summary>The demo household seeded with <c>--seed-demo</c>: usable by the demo users, seeded once.</summary>
public sealed class DemoHouseholdTests : FunctionalTest
{
    [Test]
    public async Task Should_seed_a_shared_list_rotating_chores_and_a_personal_list_once()
    {
        var (owner, member) = await DemoUsersAsync();

        await SeedAsync();
        await SeedAsync();

        var group = await WithDbAsync(db => db.Groups.Include(g => g.Memberships).SingleAsync());
        group.ActiveMembers.Select(m => m.UserId).Should().BeEquivalentTo([owner, member]);
        var groupLists = await SendAsync(new ListShoppingLists(group.Id), member);
        groupLists.Items.Should().ContainSingle().Which.Currency.Should().Be("EUR");
        (await SendAsync(new ListShoppingLists(), owner)).Items.Should().ContainSingle();
        var chores = await SendAsync(new ListChores(group.Id), member);
        chores.Items.Should().HaveCount(4);
        chores.Items.Should().OnlyContain(c => c.OpenAssignments.Count == 1);
        chores
            .Items.Select(c => c.Rotation)
            .Should()
            .Contain([
                ChoreRotation.RoundRobin,
                ChoreRotation.FewestCompletions,
                ChoreRotation.Fixed,
            ]);
        (await CountAsync<ShoppingList>()).Should().Be(2);
        (await CountAsync<Chore>()).Should().Be(4);
    }

    [Test]
    public async Task Should_refuse_to_seed_a_household_without_its_users()
    {
        var act = SeedAsync;

        await act.Should().ThrowAsync<InvalidOperationException>();
    }

    private static Task SeedAsync() =>
        WithDbAsync(db =>
            new DemoHousehold(db, Clock, NullLogger<DemoHousehold>.Instance).SeedAsync(
                CancellationToken.None
            )
        );

    private static async Task<(UserId Owner, UserId Member)> DemoUsersAsync()
    {
        var ids = new List<UserId>();
        foreach (var (email, displayName) in DemoUsers.Accounts)
        {
            var id = Guid.CreateVersion7();
            await WithDbAsync(async db =>
            {
                db.Users.Add(
                    new ApplicationUser
                    {
                        Id = id,
                        Email = email,
                        NormalizedEmail = email.ToUpperInvariant(),
                        UserName = email,
                        NormalizedUserName = email.ToUpperInvariant(),
                        DisplayName = displayName,
                        SecurityStamp = Guid.NewGuid().ToString("N"),
                        CreatedAt = DateTimeOffset.UtcNow,
                    }
                );
                await db.SaveChangesAsync();
            });
            ids.Add(new UserId(id));
        }

        return (ids[0], ids[1]);
    }
}
