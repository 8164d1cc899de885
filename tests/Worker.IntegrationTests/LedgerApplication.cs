using Ledger.Application;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Expenses;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Commands.CreateInvite;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.RecurringExpenses;
using Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// The application's use cases on the worker tests' database, for setting up what the worker
/// processes then work on, and for checking their result through the same queries users have.
/// </summary>
public sealed class LedgerApplication : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public LedgerApplication(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Ledger"] = connectionString,
                    ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
            logging
                .SetMinimumLevel(LogLevel.Information)
                .AddProvider(new FileLoggerProvider("worker-tests.log"))
        );
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddScoped<Caller>();
        services.AddScoped<ICurrentPrincipal>(provider => provider.GetRequiredService<Caller>());
        _provider = services.BuildServiceProvider();
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, UserId asUser)
    {
        await using var scope = _provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().UserId = asUser;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, UserId asUser)
    {
        await using var scope = _provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().UserId = asUser;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> read)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public async Task<UserId> CreateUserAsync()
    {
        var user = TestUsers.New();
        await WithDbAsync(db =>
        {
            db.Users.Add(user);
            return db.SaveChangesAsync();
        });
        return UserId.From(user.Id);
    }

    /// <summary>A group in Berlin with its owner and <paramref name="members"/> more members.</summary>
    public async Task<(GroupId Group, UserId[] Everyone)> CreateGroupAsync(int members)
    {
        var owner = await CreateUserAsync();
        var group = await SendAsync(
            new CreateGroup(Pii.Name("Flat"), "EUR", "Europe/Berlin"),
            owner
        );
        var groupId = GroupId.From(group.Id);
        var everyone = new List<UserId> { owner };
        for (var i = 0; i < members; i++)
        {
            var invite = await SendAsync(
                new CreateInvite(groupId, DateTimeOffset.UtcNow.AddDays(1), 1),
                owner
            );
            var member = await CreateUserAsync();
            await SendAsync(new JoinGroup(invite.Code), member);
            everyone.Add(member);
        }

        return (groupId, everyone.ToArray());
    }

    /// <summary>
    /// <paramref name="count"/> daily recurring expenses from <paramref name="start"/>, paid by the
    /// members in turn and shared equally by all.
    /// </summary>
    public async Task CreateDailyRecurringAsync(
        GroupId group,
        UserId[] everyone,
        int count,
        DateOnly start
    )
    {
        for (var i = 0; i < count; i++)
        {
            var payer = everyone[i % everyone.Length];
            var total = $"{10 + i}.01";
            await SendAsync(
                new CreateRecurringExpense(
                    group,
                    Pii.Text("subscription"),
                    ExpenseCategory.Utilities,
                    "EUR",
                    total,
                    [new MemberAmountInput(payer.Value, total)],
                    new SplitInput(SplitType.Equal, everyone.Select(m => m.Value).ToArray()),
                    new RecurrenceInput(RecurrenceFrequency.Daily, 1, start)
                ),
                everyone[0]
            );
        }
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class Caller : ICurrentPrincipal
    {
        public UserId? UserId { get; set; }
        public string? ClientId => null;
        public bool IsPlatformAdmin => false;
    }
}
