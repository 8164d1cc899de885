using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class CreateInviteTests : FunctionalTest
{
    [Test]
    public async Task Should_return_a_url_safe_code_of_at_least_128_bits_and_store_only_its_hash()
    {
        var (group, alice) = await CreateGroupAsync();
        var expiresAt = Clock.GetUtcNow().AddDays(7);

        var invite = await SendAsync(new CreateInvite(group, expiresAt, MaxUses: 3), alice);

        invite.Code.Should().MatchRegex("^[A-Za-z0-9_-]{22,}$");
        Convert.FromBase64String(ToBase64(invite.Code)).Length.Should().BeGreaterThanOrEqualTo(16);
        (invite.GroupId, invite.MaxUses, invite.ExpiresAt).Should().Be((group.Value, 3, expiresAt));
        var stored = await WithDbAsync(db => db.Invites.SingleAsync());
        stored.CodeHash.Should().Be(SecretTokens.Hash(invite.Code)).And.NotContain(invite.Code);
        var audit = await WithDbAsync(db =>
            db.AuditEvents.SingleAsync(a => a.Action == "group.invite-created")
        );
        audit.RecordId.Should().Be(invite.Id.ToString());
    }

    [Test]
    public async Task Should_give_a_new_code_every_time()
    {
        var (group, alice) = await CreateGroupAsync();

        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await CreateInviteCodeAsync(group, alice));
        }

        codes.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Should_answer_not_found_to_a_non_member()
    {
        var (group, _) = await CreateGroupAsync();
        var mallory = await CreateUserAsync();

        var act = () =>
            SendAsync(new CreateInvite(group, Clock.GetUtcNow().AddDays(1), 1), mallory);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_forbid_a_member_who_is_not_an_owner()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);

        var act = () => SendAsync(new CreateInvite(group, Clock.GetUtcNow().AddDays(1), 1), bob);

        await act.Should().ThrowAsync<ForbiddenException>();
    }

    [Test]
    public async Task Should_reject_an_expiry_in_the_past_or_beyond_the_limit_and_bad_use_counts()
    {
        var (group, alice) = await CreateGroupAsync();
        var now = Clock.GetUtcNow();

        foreach (
            var (expiresAt, maxUses) in new[]
            {
                (now.AddMinutes(-1), 1),
                (now + Invite.MaxValidity + TimeSpan.FromMinutes(1), 1),
                (now.AddDays(1), 0),
                (now.AddDays(1), Invite.MaxUsesLimit + 1),
            }
        )
        {
            var act = () => SendAsync(new CreateInvite(group, expiresAt, maxUses), alice);
            await act.Should().ThrowAsync<ValidationException>();
        }

        (await CountAsync<Invite>()).Should().Be(0);
    }

    private static string ToBase64(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - padded.Length % 4) % 4);
    }
}
