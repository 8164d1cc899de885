using Ledger.Infrastructure.Identity;

namespace Ledger.WebApi.Auth;

/// <summary>
/// <c>--seed-demo</c>: creates the demo users (Development only) and writes their random
/// passwords to .local/demo-credentials.json, where <c>./build.sh run</c> and
/// <c>./build.sh token</c> read them.
/// </summary>
public static class DemoSeeding
{
    public const string Argument = "--seed-demo";

    public static string CredentialsFile(IHostEnvironment environment) =>
        Path.Combine(LocalFolder.For(environment), "demo-credentials.json");

    public static async Task SeedDemoUsersAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Demo users exist in Development only.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope
            .ServiceProvider.GetRequiredService<DemoUsers>()
            .SeedAsync(CredentialsFile(app.Environment), CancellationToken.None);
        await new Demo.DemoData(app.Services).SeedGroupAsync(CancellationToken.None);
    }
}
