using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Ledger.Domain.Common;
using Ledger.Domain.Integrations;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Partners;

/// <summary>
/// The one authorization place decides partners' access from their token's scopes and the
/// grants in the database: reads need ledger.read, writes ledger.write, in both; nothing else is
/// ever open to a partner. (No write endpoint exists yet, so writes are tested here.)
/// </summary>
public sealed class PartnerGroupAccessTests
{
    private const string ClientId = "partner-functional";

    [SetUp]
    public Task ResetAsync() => ResetStateAsync();

    [TestCase(
        new[] { IntegrationScopes.Read },
        new[] { IntegrationScopes.Read },
        PartnerUse.Read,
        true
    )]
    [TestCase(
        new[] { IntegrationScopes.Write },
        new[] { IntegrationScopes.Read },
        PartnerUse.Read,
        false
    )]
    [TestCase(
        new[] { IntegrationScopes.Read },
        new[] { IntegrationScopes.Write },
        PartnerUse.Read,
        false
    )]
    [TestCase(
        new[] { IntegrationScopes.Read, IntegrationScopes.Write },
        new[] { IntegrationScopes.Read, IntegrationScopes.Write },
        PartnerUse.Write,
        true
    )]
    [TestCase(
        new[] { IntegrationScopes.Read },
        new[] { IntegrationScopes.Read, IntegrationScopes.Write },
        PartnerUse.Write,
        false
    )]
    [TestCase(
        new[] { IntegrationScopes.Read, IntegrationScopes.Write },
        new[] { IntegrationScopes.Read },
        PartnerUse.Write,
        false
    )]
    [TestCase(
        new[] { IntegrationScopes.Read, IntegrationScopes.Write },
        new[] { IntegrationScopes.Read, IntegrationScopes.Write },
        PartnerUse.None,
        false
    )]
    public async Task Should_need_the_scope_in_both_the_grant_and_the_token(
        string[] granted,
        string[] tokenScopes,
        PartnerUse use,
        bool allowed
    )
    {
        var (group, owner) = await CreateGroupAsync();
        await GrantAsync(group, owner, granted);

        var check = () => EnsureAsync(group, tokenScopes, GroupAccess.Member, use);

        if (allowed)
        {
            await check.Should().NotThrowAsync();
        }
        else
        {
            await check.Should().ThrowAsync<NotFoundException>();
        }
    }

    [TestCase(GroupAccess.Owner)]
    [TestCase(GroupAccess.FormerOwner)]
    public async Task Should_never_open_owner_operations_to_a_partner(GroupAccess required)
    {
        var (group, owner) = await CreateGroupAsync();
        await GrantAsync(group, owner, [IntegrationScopes.Read, IntegrationScopes.Write]);

        var check = () =>
            EnsureAsync(
                group,
                [IntegrationScopes.Read, IntegrationScopes.Write],
                required,
                PartnerUse.Write
            );

        await check.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_refuse_after_the_grant_is_revoked_and_in_other_groups()
    {
        var (group, owner) = await CreateGroupAsync();
        var (other, _) = await CreateGroupAsync();
        var grant = await GrantAsync(group, owner, [IntegrationScopes.Read]);
        await EnsureAsync(group, [IntegrationScopes.Read], GroupAccess.Member, PartnerUse.Read);

        var otherGroup = () =>
            EnsureAsync(other, [IntegrationScopes.Read], GroupAccess.Member, PartnerUse.Read);
        await otherGroup.Should().ThrowAsync<NotFoundException>();

        await WithDbAsync(async db =>
        {
            var tracked = await db.IntegrationGrants.FindAsync(group, grant);
            tracked!.Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        var revoked = () =>
            EnsureAsync(group, [IntegrationScopes.Read], GroupAccess.Member, PartnerUse.Read);
        await revoked.Should().ThrowAsync<NotFoundException>();
    }

    private static async Task<IntegrationGrantId> GrantAsync(
        GroupId group,
        UserId owner,
        string[] scopes
    )
    {
        var grant = IntegrationGrant.Create(group, ClientId, scopes, owner, DateTimeOffset.UtcNow);
        await WithDbAsync(async db =>
        {
            db.IntegrationGrants.Add(grant);
            await db.SaveChangesAsync();
        });
        return grant.Id;
    }

    private static async Task EnsureAsync(
        GroupId group,
        string[] tokenScopes,
        GroupAccess required,
        PartnerUse use
    )
    {
        await WithDbAsync(db =>
            new GroupAccessChecker(db).EnsureAsync(
                new PartnerPrincipal(ClientId, tokenScopes.ToHashSet()),
                group,
                required,
                allowsDeletedGroup: false,
                use,
                CancellationToken.None
            )
        );
    }

    private sealed record PartnerPrincipal(string ClientId, IReadOnlySet<string> Scopes)
        : ICurrentPrincipal
    {
        public UserId? UserId => null;

        public bool IsPlatformAdmin => false;

        public bool IsPartner => true;
    }
}
