using Ardalis.Specification;
using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Persistence;

/// <summary>Our EF Core evaluator of Ardalis specifications, against real PostgreSQL.</summary>
public sealed class SpecificationEvaluatorTests : FunctionalTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Should_apply_the_criteria()
    {
        var seeded = await SeedGroupsAsync("EUR", "USD", "EUR", "JPY");

        var found = await WithDbAsync(db => db.Apply(new GroupsInCurrency("EUR")).ToListAsync());

        found.Select(g => g.Id).Should().BeEquivalentTo([seeded[0].Id, seeded[2].Id]);
    }

    [Test]
    public async Task Should_order_by_every_key_in_turn()
    {
        var seeded = await SeedGroupsAsync("USD", "EUR", "USD", "EUR");

        var found = await WithDbAsync(db =>
            db.Apply(new ByCurrencyThenNewestFirst()).ToListAsync()
        );

        found
            .Select(g => g.Id)
            .Should()
            .Equal(seeded[3].Id, seeded[1].Id, seeded[2].Id, seeded[0].Id);
    }

    [Test]
    public async Task Should_skip_and_take_after_ordering()
    {
        var seeded = await SeedGroupsAsync("EUR", "EUR", "EUR", "EUR", "EUR");

        var found = await WithDbAsync(db =>
            db.Apply(new OldestFirstPage(skip: 1, take: 2)).ToListAsync()
        );

        found.Select(g => g.Id).Should().Equal(seeded[1].Id, seeded[2].Id);
    }

    [Test]
    public async Task Should_leave_the_change_tracker_alone_when_asked_for_no_tracking()
    {
        await SeedGroupsAsync("EUR", "EUR");

        var (untracked, tracked) = await WithDbAsync(async db =>
        {
            await db.Apply(new GroupsInCurrency("EUR", asNoTracking: true)).ToListAsync();
            var untracked = db.ChangeTracker.Entries().Count();
            await db.Apply(new GroupsInCurrency("EUR")).ToListAsync();
            return (untracked, db.ChangeTracker.Entries().Count());
        });

        untracked.Should().Be(0);
        tracked.Should().Be(2);
    }

    [Test]
    public async Task Should_load_an_included_collection_and_only_then()
    {
        await SeedGroupsAsync("EUR");

        var (with, without) = await WithDbAsync(async db =>
            (
                await db.Apply(
                        new GroupsInCurrency("EUR", includeMemberships: true, asNoTracking: true)
                    )
                    .SingleAsync(),
                await db.Apply(new GroupsInCurrency("EUR", asNoTracking: true)).SingleAsync()
            )
        );

        with.Memberships.Should().ContainSingle();
        without.Memberships.Should().BeEmpty();
    }

    // Our model's only nested navigations are OpenIddict's: application → authorizations → tokens.
    [Test]
    public async Task Should_then_include_after_a_collection_and_after_a_reference()
    {
        var clientId = await SeedOAuthClientAsync();

        var (application, token) = await WithDbAsync(async db =>
            (
                await db.Apply(new ApplicationWithTokensOfAuthorizations(clientId)).SingleAsync(),
                await db.Apply(new TokenWithApplicationOfAuthorization()).SingleAsync()
            )
        );

        application.Authorizations.Should().ContainSingle().Which.Tokens.Should().ContainSingle();
        token.Authorization!.Application!.ClientId.Should().Be(clientId);
    }

    [Test]
    public async Task Should_refuse_a_search_it_cannot_translate_rather_than_drop_it()
    {
        var act = () => WithDbAsync(db => db.Apply(new GroupsNamedLike("%flat%")).ToListAsync());

        await act.Should().ThrowAsync<NotSupportedException>();
    }

    private static async Task<List<Group>> SeedGroupsAsync(params string[] currencies)
    {
        var owner = await CreateUserAsync();
        var groups = currencies
            .Select(
                (currency, i) =>
                    Group.Create(Pii.Name(), currency, "Europe/Berlin", owner, Now.AddMinutes(i))
            )
            .ToList();
        await WithDbAsync(async db =>
        {
            db.Groups.AddRange(groups);
            await db.SaveChangesAsync();
        });
        return groups;
    }

    private static async Task<string> SeedOAuthClientAsync()
    {
        var application = new OpenIddictEntityFrameworkCoreApplication
        {
            ClientId = $"client-{Guid.NewGuid():N}",
        };
        var authorization = new OpenIddictEntityFrameworkCoreAuthorization
        {
            Application = application,
            Status = "valid",
        };
        var token = new OpenIddictEntityFrameworkCoreToken
        {
            Application = application,
            Authorization = authorization,
            Status = "valid",
        };
        await WithDbAsync(async db =>
        {
            db.Add(token);
            await db.SaveChangesAsync();
        });
        return application.ClientId;
    }

    private sealed class GroupsInCurrency : Specification<Group>
    {
        public GroupsInCurrency(
            string currency,
            int skip = 0,
            int take = -1,
            bool includeMemberships = false,
            bool asNoTracking = false
        )
        {
            Query.Where(g => g.DefaultCurrency == currency).OrderBy(g => g.CreatedAt);
            if (skip > 0)
            {
                Query.Skip(skip);
            }

            if (take >= 0)
            {
                Query.Take(take);
            }

            if (includeMemberships)
            {
                Query.Include(g => g.Memberships);
            }

            if (asNoTracking)
            {
                Query.AsNoTracking();
            }
        }
    }

    private sealed class ByCurrencyThenNewestFirst : Specification<Group>
    {
        public ByCurrencyThenNewestFirst() =>
            Query.OrderBy(g => g.DefaultCurrency).ThenByDescending(g => g.CreatedAt);
    }

    private sealed class OldestFirstPage : Specification<Group>
    {
        public OldestFirstPage(int skip, int take) =>
            Query.OrderBy(g => g.CreatedAt).Skip(skip).Take(take);
    }

    private sealed class GroupsNamedLike : Specification<Group>
    {
        public GroupsNamedLike(string pattern) => Query.Search(g => g.Name, pattern);
    }

    private sealed class ApplicationWithTokensOfAuthorizations
        : Specification<OpenIddictEntityFrameworkCoreApplication>
    {
        public ApplicationWithTokensOfAuthorizations(string clientId) =>
            Query
                .Where(a => a.ClientId == clientId)
                .Include(a => a.Authorizations)
                    .ThenInclude(authorization => authorization.Tokens);
    }

    private sealed class TokenWithApplicationOfAuthorization
        : Specification<OpenIddictEntityFrameworkCoreToken>
    {
        public TokenWithApplicationOfAuthorization() =>
            Query.Include(t => t.Authorization).ThenInclude(a => a!.Application);
    }
}
