using Ledger.Infrastructure.Configuration;
using Ledger.Infrastructure.Identity;
using Ledger.WebApi.Auth;

namespace Ledger.WebApi.Http;

/// <summary>
/// R11 and docs/requirements.md A11 / 000 "production needs a real database": in every environment but
/// Development and Testing the app refuses to start unless the database, the token signing and
/// encryption keys, the key-ring encryption key and an explicit, safe CORS origin list are
/// configured. The error names everything that is missing at once.
/// </summary>
public static class ProductionGuard
{
    /// <summary>Each key may be given inline (base64 PEM) or as a file path (<c>...File</c>).</summary>
    public static readonly string[] RequiredKeySettings = ["Auth:SigningKey", "Auth:EncryptionKey"];

    public static void Validate(IConfiguration configuration, IHostEnvironment environment)
    {
        // Every environment but the two local ones is production: "Staging" or "prod" too.
        if (AuthSettings.IsLocalEnvironment(environment))
        {
            return;
        }

        var problems = new List<string>();
        if (ConnectionSettings.Database(configuration) is null)
        {
            problems.Add("a database connection (ConnectionStrings__Ledger or DATABASE_URL)");
        }

        if (ConnectionSettings.Redis(configuration) is null)
        {
            problems.Add("a Redis connection (ConnectionStrings__Redis)");
        }

        problems.AddRange(
            RequiredKeySettings
                .Where(setting =>
                    string.IsNullOrWhiteSpace(configuration[setting])
                    && string.IsNullOrWhiteSpace(configuration[setting + "File"])
                )
                .Select(setting => $"{setting} or {setting}File (an RSA private key in PEM)")
        );

        if (!KeyRingEncryptionKey.IsConfigured(configuration))
        {
            problems.Add(
                $"{KeyRingEncryptionKey.Setting} or {KeyRingEncryptionKey.FileSetting} (32 random bytes, base64, encrypting the data-protection keys)"
            );
        }

        if (string.IsNullOrWhiteSpace(configuration["Storage:ReceiptsRoot"]))
        {
            problems.Add("Storage:ReceiptsRoot (the receipts directory, shared by every instance)");
        }

        var cors = CorsSettings.From(configuration);
        if (cors.Origins.Count == 0)
        {
            problems.Add("Cors:Origins (the frontend origins, https only)");
        }

        problems.AddRange(
            cors.UnsafeForProduction()
                .Select(origin =>
                    $"a safe Cors:Origins entry instead of '{origin}' (no wildcards, localhost or http)"
                )
        );

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName} (treated as production) without: {string.Join("; ", problems)}."
            );
        }
    }
}
