using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Groups.Commands.RequestGroupDeletion;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class RequestGroupDeletionTests : FunctionalTest
{
    [Test]
    public async Task Should_return_a_short_lived_token_store_only_its_hash_and_audit_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var now = Clock.GetUtcNow();

        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);

        confirmation.ConfirmationToken.Should().MatchRegex("^[A-Za-z0-9_-]{43,}$");
        confirmation
            .ExpiresAt.Should()
            .BeAfter(now)
            .And.BeOnOrBefore(Clock.GetUtcNow() + GroupDeletionRequest.Validity);
        var stored = await WithDbAsync(db => db.Set<GroupDeletionRequest>().SingleAsync());
        stored.TokenHash.Should().Be(SecretTokens.Hash(confirmation.ConfirmationToken));
        (
            await WithDbAsync(db =>
                db.AuditEvents.CountAsync(a => a.Action == "group.deletion-requested")
            )
        )
            .Should()
            .Be(1);
        (await ReadAsync(group, alice)).Status.Should().Be(GroupStatus.Active);
    }

    [Test]
    public async Task Should_forbid_a_member_and_hide_the_group_from_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var mallory = await CreateUserAsync();

        var byMember = () => SendAsync(new RequestGroupDeletion(group), bob);
        var byStranger = () => SendAsync(new RequestGroupDeletion(group), mallory);

        await byMember.Should().ThrowAsync<ForbiddenException>();
        await byStranger.Should().ThrowAsync<NotFoundException>();
        (await CountAsync<GroupDeletionRequest>()).Should().Be(0);
    }
}
