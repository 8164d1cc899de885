using Ledger.Application.Common.Idempotency;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Paging;
using Ledger.Application.Operations;
using Ledger.Application.Partners;
using Ledger.Infrastructure.Balances;
using Ledger.Infrastructure.Configuration;
using Ledger.Infrastructure.Diagnostics;
using Ledger.Infrastructure.Email;
using Ledger.Infrastructure.Idempotency;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Operations;
using Ledger.Infrastructure.Paging;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.Receipts;
using Ledger.Infrastructure.Sessions;
using Ledger.Infrastructure.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using StackExchange.Redis;

namespace Ledger.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        var database =
            ConnectionSettings.Database(configuration)
            ?? throw new InvalidOperationException(
                "No database connection: set ConnectionStrings__Ledger or DATABASE_URL."
            );

        // One data source (and pool) per host, created by the container so that the container
        // disposes it on shutdown and its connections are closed (docs/requirements.md A18).
        services.AddSingleton(_ => NpgsqlDataSource.Create(database));
        // Pooled (ADR 0057): a request leases a context whose services and options were built
        // once, instead of building both per scope. The context keeps no per-request state of
        // its own beyond what EF resets on return (its group-lock memo is keyed by transaction).
        services.AddDbContextPool<ApplicationDbContext>(
            (provider, options) =>
                ConfigureDbContext(options, provider.GetRequiredService<NpgsqlDataSource>())
        );
        services.AddScoped<IApplicationDbContext>(provider =>
            provider.GetRequiredService<ApplicationDbContext>()
        );
        services.AddScoped<IBalanceReader, BalanceReader>();
        services.AddScoped<IBalanceWriter, BalanceWriter>();
        services.AddScoped<IBulkWriter, BulkWriter>();
        services.AddScoped<IRecurringExpenseClaims, RecurringExpenseClaims>();
        services.AddScoped<IMembershipLocks, MembershipLocks>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IPartnerClients, PartnerClients>();
        // The key ring is persisted in the database (AddLedgerIdentity), so cursors issued by one
        // instance are read by another.
        services.AddDataProtection();
        services.AddSingleton<ICursorProtector, DataProtectionCursorProtector>();
        services.AddScoped<DatabaseMigrator>();
        services.AddLedgerIdentity(configuration);
        AddOperations(services, configuration);
        services.Configure<EmailSettings>(configuration.GetSection(EmailSettings.Section));
        services.AddEmailSettingsReload();
        // Account mail is queued in the command's transaction and sent by the worker (ADR 0036).
        services.AddScoped<IAccountMailer, QueuedAccountMailer>();
        services.AddScoped<IAccountEmailOutbox, AccountEmailOutbox>();
        services.AddSingleton<SmtpAccountEmailSender>();
        services.AddSingleton<EmailTokenProtection>();
        services.AddScoped<UnqueuedAccountMail>();
        services.AddWebhooks(configuration);
        // Every host resolves every handler of the application (the worker validates them at start).
        services.AddDiagnosticsProbe();

        var redis = ConnectionSettings.Redis(configuration);
        if (redis is not null)
        {
            // Created by the container, so the container disposes it on shutdown (docs/requirements.md A18).
            services.AddSingleton<IConnectionMultiplexer>(_ =>
                ConnectionMultiplexer.Connect(RedisOptions(redis))
            );
        }

        return services;
    }

    /// <summary>What the scheduled maintenance commands need, in every host that may send them.</summary>
    private static void AddOperations(IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<OperationsOptions>()
            .Bind(configuration.GetSection(OperationsOptions.SectionName));
        services.AddScoped<IStorageProbe, DatabaseStorageProbe>();
        services.AddReceipts(configuration);
        services.AddScoped<IOAuthTokenPruner, OAuthTokenPruner>();
        services.AddSingleton<IJobRunLog, JobRunLog>();
        // The token and authorization managers the pruning uses; the API adds the OAuth server
        // on top of the same core registration.
        services
            .AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ApplicationDbContext>());
    }

    public static void ConfigureDbContext(
        DbContextOptionsBuilder options,
        string connectionString
    ) =>
        options
            .UseNpgsql(connectionString, ConfigureNpgsql)
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict()
            .AddInterceptors(SessionWriteInterceptor.Instance);

    public static void ConfigureDbContext(
        DbContextOptionsBuilder options,
        NpgsqlDataSource dataSource
    ) =>
        options
            .UseNpgsql(dataSource, ConfigureNpgsql)
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict()
            // Commits that may end sessions wait until this host's session cache knows (ADR 0020).
            // Here, not in OnConfiguring: a pooled context's options are fixed (ADR 0057).
            .AddInterceptors(SessionWriteInterceptor.Instance);

    private static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql)
    {
        npgsql.MigrationsAssembly(typeof(ApplicationDbContext).Assembly.FullName);
        // Aggregates load their members and one filtered child in a single query on
        // purpose: the rows are few, and one statement reads one consistent state.
        npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);
        npgsql.EnableRetryOnFailure(
            maxRetryCount: 5,
            maxRetryDelay: TimeSpan.FromSeconds(2),
            errorCodesToAdd: null
        );
    }

    private static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even while Redis is down; callers see the disconnected state and fall back.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        return options;
    }
}
