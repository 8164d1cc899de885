using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Application.Operations.Commands.PurgeExpiredInvites;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Operations;

public sealed class PurgeExpiredInvitesTests : FunctionalTest
{
    [Test]
    public async Task Should_delete_only_invites_past_their_expiry_and_nothing_more_when_run_again()
    {
        var (group, owner) = await CreateGroupAsync();
        await SendAsync(new CreateInvite(group, Clock.GetUtcNow().AddDays(1), 1), owner);
        var kept = await SendAsync(new CreateInvite(group, Clock.GetUtcNow().AddDays(5), 1), owner);
        Clock.Advance(TimeSpan.FromDays(2));

        var first = await SendAsSystemAsync(new PurgeExpiredInvites());
        var retry = await SendAsSystemAsync(new PurgeExpiredInvites());

        first.Summary.Should().Be("Purged 1 expired invites.");
        retry.Summary.Should().Be("Purged 0 expired invites.");
        var remaining = await WithDbAsync(db => db.Invites.Select(i => i.Id.Value).ToListAsync());
        remaining.Should().Equal(kept.Id);
    }

    [Test]
    public async Task Should_refuse_anyone_but_the_worker()
    {
        var (group, owner) = await CreateGroupAsync();
        await SendAsync(new CreateInvite(group, Clock.GetUtcNow().AddDays(1), 1), owner);
        Clock.Advance(TimeSpan.FromDays(2));

        var act = () => SendAsync(new PurgeExpiredInvites(), owner);

        await act.Should().ThrowAsync<ForbiddenException>();
        (await CountAsync<Invite>()).Should().Be(1);
    }
}
