using Ledger.Application.Groups;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Application.Groups.Commands.DeleteGroup;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Commands.RequestGroupDeletion;
using Ledger.Application.Groups.Queries.GetGroup;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

/// <summary>The set-ups group tests share: a group with its owner, members joined by invite.</summary>
internal static class GroupScenarios
{
    public static async Task<(GroupId Group, UserId Owner)> CreateGroupAsync(string name = "Flat")
    {
        var owner = await CreateUserAsync();
        var group = await SendAsync(new CreateGroup(Pii.Name(name), "EUR", "Europe/Berlin"), owner);
        return (GroupId.From(group.Id), owner);
    }

    public static async Task<string> CreateInviteCodeAsync(
        GroupId group,
        UserId owner,
        int maxUses = 1
    ) =>
        (
            await SendAsync(new CreateInvite(group, Clock.GetUtcNow().AddDays(1), maxUses), owner)
        ).Code;

    /// <summary>A new user who joined the group with an invite of its owner.</summary>
    public static async Task<UserId> AddMemberAsync(GroupId group, UserId owner)
    {
        var user = await CreateUserAsync();
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(group, owner)), user);
        return user;
    }

    public static Task<GroupDto> ReadAsync(GroupId group, UserId asUser) =>
        SendAsync(new GetGroup(group), asUser);

    /// <summary>Both steps of deleting a group, done right by its owner.</summary>
    public static async Task DeleteGroupAsync(GroupId group, UserId owner)
    {
        var read = await ReadAsync(group, owner);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), owner);
        await SendAsync(
            new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
            owner
        );
    }

    /// <summary>Simulates an unsettled balance, as the expenses use cases will maintain it.</summary>
    public static Task OpenBalanceAsync(GroupId group, UserId user, string currency) =>
        WithDbAsync(async db =>
        {
            var balance = new MemberBalance(group, user, currency);
            balance.Add(1250);
            db.MemberBalances.Add(balance);
            await db.SaveChangesAsync();
        });

    /// <summary>
    /// Races the attempts on one group deterministically, holding the group's row until every
    /// attempt is queued on its lock (<see cref="RowRace"/>).
    /// </summary>
    public static Task<Exception?[]> RaceOnGroupAsync(
        GroupId group,
        int attempts,
        Func<int, Task> attempt
    ) => RowRace.RaceAsync(ConnectionString, "groups", group.Value, attempts, attempt);

    public static Task<RowCounts> CountRowsAsync() =>
        WithDbAsync(async db => new RowCounts(
            await db.Groups.CountAsync(),
            await db.Memberships.CountAsync(),
            await db.Invites.CountAsync(),
            await db.AuditEvents.CountAsync()
        ));
}

internal sealed record RowCounts(int Groups, int Memberships, int Invites, int AuditEvents);
