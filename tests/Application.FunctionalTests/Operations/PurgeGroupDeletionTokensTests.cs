using AwesomeAssertions;
using Ledger.Application.Groups.Commands.RequestGroupDeletion;
using Ledger.Application.Operations.Commands.PurgeGroupDeletionTokens;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Operations;

public sealed class PurgeGroupDeletionTokensTests : FunctionalTest
{
    [Test]
    public async Task Should_delete_only_expired_confirmations()
    {
        var (expiredGroup, alice) = await CreateGroupAsync();
        var (freshGroup, bob) = await CreateGroupAsync();
        await SendAsync(new RequestGroupDeletion(expiredGroup), alice);
        Clock.Advance(GroupDeletionRequest.Validity + TimeSpan.FromMinutes(1));
        await SendAsync(new RequestGroupDeletion(freshGroup), bob);

        var first = await SendAsSystemAsync(new PurgeGroupDeletionTokens());
        var retry = await SendAsSystemAsync(new PurgeGroupDeletionTokens());

        first.Summary.Should().Be("Purged 1 expired group deletion confirmations.");
        retry.Summary.Should().Be("Purged 0 expired group deletion confirmations.");
        var remaining = await WithDbAsync(db =>
            db.GroupDeletionRequests.Select(r => r.GroupId).ToListAsync()
        );
        remaining.Should().Equal(freshGroup);
    }
}
