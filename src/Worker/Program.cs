using Ledger.Application;
using Ledger.Application.Common.Interfaces;
using Ledger.Infrastructure;

// The worker host: scheduled commands run here, never in the web process (audit 003 #14).
// Jobs arrive with the worker issue; for now the host starts, connects and stops cleanly.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddSingleton<ICurrentPrincipal, Ledger.Worker.SystemPrincipal>();

using var host = builder.Build();
await host.RunAsync();
