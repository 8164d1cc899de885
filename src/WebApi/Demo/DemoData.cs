using System.Security.Claims;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Queries.ListMyGroups;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Ledger.WebApi.Demo;

/// <summary>
/// Demo data for <c>./build.sh run</c> (Development only), made through the same use cases a
/// client would call, as the demo users themselves, and idempotent: a second run finds it.
/// </summary>
public sealed class DemoData(IServiceProvider services)
{
    public const string GroupName = "Demo flat";

    /// <summary>
    /// Runs one seeding step of <c>--seed-demo</c> on the demo group (made first if missing), as
    /// the two demo users, with the host's clock; the demo users must exist. A step says whether
    /// it added anything: one that finds its data already there adds nothing.
    /// </summary>
    public static async Task SeedOnDemoGroupAsync(
        WebApplication app,
        Func<DemoFlat, CancellationToken, Task<bool>> step
    )
    {
        var data = new DemoData(app.Services);
        var alice = await data.UserIdAsync(DemoUsers.Accounts[0].Email);
        var bob = await data.UserIdAsync(DemoUsers.Accounts[1].Email);
        var group = await data.SeedGroupAsync(CancellationToken.None);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await step(new DemoFlat(data, group, alice, bob, clock), CancellationToken.None);
    }

    /// <summary>The demo group with both demo users in it; returns its id.</summary>
    public async Task<GroupId> SeedGroupAsync(CancellationToken cancellationToken)
    {
        var alice = await UserIdAsync(DemoUsers.Accounts[0].Email);
        var bob = await UserIdAsync(DemoUsers.Accounts[1].Email);

        var existing = await SendAsAsync(alice, new ListMyGroups(Limit: 100), cancellationToken);
        if (existing.Items.FirstOrDefault(g => g.Name == GroupName) is { } found)
        {
            return GroupId.From(found.Id);
        }

        var group = await SendAsAsync(
            alice,
            new CreateGroup(GroupName, "EUR", "Europe/Berlin"),
            cancellationToken
        );
        var invite = await SendAsAsync(
            alice,
            new CreateInvite(GroupId.From(group.Id), DateTimeOffset.UtcNow.AddDays(1), 1),
            cancellationToken
        );
        await SendAsAsync(bob, new JoinGroup(invite.Code), cancellationToken);
        return GroupId.From(group.Id);
    }

    /// <summary>Sends a command through the full pipeline as <paramref name="user"/>, in its own scope.</summary>
    public Task<TResponse> SendAsAsync<TResponse>(
        UserId user,
        ICommand<TResponse> command,
        CancellationToken cancellationToken
    ) => RunAsAsync(user, sender => sender.Send(command, cancellationToken));

    /// <summary>Sends a query through the full pipeline as <paramref name="user"/>, in its own scope.</summary>
    public Task<TResponse> SendAsAsync<TResponse>(
        UserId user,
        IQuery<TResponse> query,
        CancellationToken cancellationToken
    ) => RunAsAsync(user, sender => sender.Send(query, cancellationToken));

    private async Task<TResponse> RunAsAsync<TResponse>(
        UserId user,
        Func<ISender, ValueTask<TResponse>> send
    )
    {
        await using var scope = services.CreateAsyncScope();
        // The API reads the caller from the request; the seeding step has none, so it makes one
        // carrying the demo user's id, exactly as a validated access token would.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext
            {
                RequestServices = scope.ServiceProvider,
                User = new ClaimsPrincipal(
                    new ClaimsIdentity([new Claim("sub", user.Value.ToString())], "demo")
                ),
            };
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    public async Task<UserId> UserIdAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        var user =
            await scope
                .ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>()
                .FindByEmailAsync(email)
            ?? throw new InvalidOperationException("Seed the demo users first.");
        return UserId.From(user.Id);
    }
}

/// <summary>What a seeding step works on: the demo group, its two users (Alice first) and the clock.</summary>
public sealed record DemoFlat(
    DemoData Data,
    GroupId Group,
    UserId Alice,
    UserId Bob,
    TimeProvider Clock
);
