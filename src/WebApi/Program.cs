using Ledger.Application;
using Ledger.Infrastructure;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.RateLimiting;
using Ledger.Infrastructure.Scheduling;
using Ledger.Infrastructure.Sessions;
using Ledger.WebApi.Auth;
using Ledger.WebApi.Demo;
using Ledger.WebApi.Endpoints;
using Ledger.WebApi.Http;
using Ledger.WebApi.Observability;
using Ledger.WebApi.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
ProductionGuard.Validate(builder.Configuration, builder.Environment);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);

// The ops API edits the worker cluster's schedule; this process never starts a scheduler.
builder.Services.AddLedgerScheduler(builder.Configuration);
builder.Services.AddLedgerRateLimiting(builder.Configuration);
builder.AddLedgerClientAddresses();
builder.AddLedgerHttp();
builder.AddLedgerAuthentication();
builder.AddLedgerOperations();

// Validated sessions cached for ≤ 30 s, forgotten when PostgreSQL notifies a change (ADR 0020).
builder.Services.AddSessionCache(
    builder.Configuration,
    OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
);

var app = builder.Build();

if (args.Contains("--migrate-only"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope
        .ServiceProvider.GetRequiredService<DatabaseMigrator>()
        .MigrateAsync(CancellationToken.None);
    return;
}

if (args.Contains(DemoSeeding.Argument))
{
    await app.SeedDemoUsersAsync();
    await app.SeedDemoExpensesAsync();
    await app.SeedDemoRecurringExpensesAsync();
    return;
}

app.UseLedgerClientAddresses();
app.UseLedgerHttp();

// OpenIddict answers invalid token requests inside authentication, before any endpoint runs:
// the token endpoint's limit comes first, so that guessing codes or refresh tokens is limited too.
app.UseWhen(AuthorizationEndpoints.IsTokenRequest, branch => branch.UseLedgerRateLimiting());
app.UseAuthentication();
app.UseLedgerRequestLogScope();

// After authentication: per-user and per-client limits need the caller's claims.
app.UseWhen(
    context => !AuthorizationEndpoints.IsTokenRequest(context),
    branch => branch.UseLedgerRateLimiting()
);
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapLedgerAuthEndpoints();
app.MapLedgerApi();

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
