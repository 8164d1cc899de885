using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Ledger.TestSupport;
using Mediator;
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

    public static Task ResetStateAsync() => _database!.ResetAsync();

    public static async Task<TResponse> SendAsync<TResponse>(
        ICommand<TResponse> command,
        UserId? asUser
    )
    {
        await using var scope = Provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestPrincipal>().UserId = asUser;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
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

    /// <summary>A user row, as registration would create it, with distinctive personal data.</summary>
    public static async Task<UserId> CreateUserAsync()
    {
        await using var scope = Provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var email = Pii.Email();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = Pii.Name(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new UserId(user.Id);
    }

    public static async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> read)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
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
}

/// <summary>Every functional test starts from an empty database.</summary>
public abstract class FunctionalTest
{
    [SetUp]
    public Task ResetAsync() => Testing.ResetStateAsync();
}
