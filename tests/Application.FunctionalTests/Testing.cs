using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Ledger.TestSupport;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Application.FunctionalTests;

/// <summary>
/// The application as the API and the worker use it — real mediator pipeline, real PostgreSQL —
/// without HTTP. Each message is sent in a fresh scope as a chosen principal.
/// </summary>
[SetUpFixture]
public sealed class Testing
{
    private static ServiceProvider? _provider;
    private static TestDatabase? _database;

    /// <summary>The application's clock; tests move it forward instead of waiting.</summary>
    public static TestClock Clock { get; } = new();

    /// <summary>The run's receipt store, a fresh temporary directory.</summary>
    public static string ReceiptsRoot { get; } =
        Path.Combine(
            Path.GetTempPath(),
            "ledger-functional-receipts-" + Guid.NewGuid().ToString("N")
        );

    private static ServiceProvider Provider =>
        _provider ?? throw new InvalidOperationException("Not set up.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync("functional");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Ledger"] = _database.ConnectionString,
                    ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                    // Low enough that the storage check's warning path runs against any database.
                    ["Operations:DatabaseWarningBytes"] = "1",
                    ["Storage:ReceiptsRoot"] = ReceiptsRoot,
                }
            )
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging =>
            logging
                .SetMinimumLevel(LogLevel.Debug)
                .AddProvider(new FileLoggerProvider("functional.log"))
        );
        services.AddApplication();
        services.AddInfrastructure(configuration);
        // Registered last, so it replaces the system clock everywhere.
        services.AddSingleton<TimeProvider>(Clock);
        // One process, no restarts: in-memory keys, nothing written outside the repository.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddScoped<TestPrincipal>();
        services.AddScoped<ICurrentPrincipal>(provider =>
            provider.GetRequiredService<TestPrincipal>()
        );
        _provider = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateScopes = true }
        );
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    /// <summary>The test database, for tests that need a connection of their own (a blocker in a race).</summary>
    public static string ConnectionString =>
        _database?.ConnectionString ?? throw new InvalidOperationException("Not set up.");

    public static Task ResetStateAsync()
    {
        Clock.Reset();
        return _database!.ResetAsync();
    }

    public static async Task<TResponse> SendAsync<TResponse>(
        ICommand<TResponse> command,
        UserId? asUser
    )
    {
        await using var scope = Provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestPrincipal>().UserId = asUser;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Sends a command as the worker's system principal, as a scheduled job does.</summary>
    public static async Task<TResponse> SendAsSystemAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Provider.CreateAsyncScope();
        var principal = scope.ServiceProvider.GetRequiredService<TestPrincipal>();
        principal.ClientId = "ledger.worker";
        principal.IsSystem = true;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Runs code against the application's services in a fresh scope.</summary>
    public static async Task WithServicesAsync(Func<IServiceProvider, Task> use)
    {
        await using var scope = Provider.CreateAsyncScope();
        await use(scope.ServiceProvider);
    }

    public static async Task<TResponse> SendAsync<TResponse>(
        IQuery<TResponse> query,
        UserId? asUser
    )
    {
        await using var scope = Provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestPrincipal>().UserId = asUser;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>
    /// Gives an existing user a password and returns it: account-changing commands ask for the
    /// current one (re-authentication).
    /// </summary>
    public static async Task<string> GivePasswordAsync(UserId user)
    {
        var password = Pii.Password();
        await WithServicesAsync(async services =>
        {
            var users =
                services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            var account = await users.FindByIdAsync(user.Value.ToString());
            var result = await users.AddPasswordAsync(account!, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The test user could not be given a password.");
            }
        });
        return password;
    }

    /// <summary>A user row, as registration would create it, with distinctive personal data.</summary>
    public static async Task<UserId> CreateUserAsync()
    {
        await using var scope = Provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var user = TestUsers.New();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return UserId.From(user.Id);
    }

    public static async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> read)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public static async Task WithDbAsync(Func<ApplicationDbContext, Task> change)
    {
        await using var scope = Provider.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public static Task<int> CountAsync<TEntity>()
        where TEntity : class => WithDbAsync(db => db.Set<TEntity>().CountAsync());
}

/// <summary>The principal a test sends a message as.</summary>
public sealed class TestPrincipal : ICurrentPrincipal
{
    public UserId? UserId { get; set; }
    public string? ClientId { get; set; }
    public bool IsPlatformAdmin { get; set; }
    public bool IsSystem { get; set; }
}

/// <summary>The system clock, moved forward by <see cref="Advance"/> to test expiry without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}

/// <summary>Every functional test starts from an empty database.</summary>
public abstract class FunctionalTest
{
    [SetUp]
    public Task ResetAsync() => Testing.ResetStateAsync();
}
