using Ledger.WebApi.Auth;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ledger.WebApi.Observability;

/// <summary>
/// <c>Cors</c> as reloadable options: <c>Origins</c> and <c>AllowCredentials</c> (see
/// <see cref="CorsSettings"/>). Outside Development and Testing a change to an empty list or to an
/// unsafe origin is refused, as it is refused at start-up (<see cref="ProductionGuard"/>).
/// </summary>
public sealed class CorsOptionsSettings
{
    public const string Section = "Cors";

    public List<string> Origins { get; init; } = [];

    public bool AllowCredentials { get; init; }

    public CorsSettings ToSettings() => new(Origins, AllowCredentials);

    internal sealed class Validator(IHostEnvironment environment)
        : IValidateOptions<CorsOptionsSettings>
    {
        public ValidateOptionsResult Validate(string? name, CorsOptionsSettings options)
        {
            if (AuthSettings.IsLocalEnvironment(environment))
            {
                return ValidateOptionsResult.Success;
            }

            var settings = options.ToSettings();
            var errors = settings
                .UnsafeForProduction()
                .Select(_ => "Cors:Origins may not hold wildcards, localhost or http origins.")
                .Distinct()
                .ToList();
            if (settings.Origins.Count == 0)
            {
                errors.Add("Cors:Origins must list the frontend origins.");
            }

            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors);
        }
    }
}

/// <summary>
/// The frontend policy built from the current <c>Cors</c> values, rebuilt when they change; any
/// other policy name is unknown, as with the default provider and one named policy.
/// </summary>
internal sealed class ReloadableCorsPolicyProvider : ICorsPolicyProvider, IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile CorsPolicy _policy;

    public ReloadableCorsPolicyProvider(IOptionsMonitor<CorsOptionsSettings> options)
    {
        _policy = Build(options.CurrentValue);
        _subscription = options.OnChange((changed, _) => _policy = Build(changed));
    }

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName) =>
        Task.FromResult<CorsPolicy?>(
            policyName is null || policyName == HttpSetup.CorsPolicy ? _policy : null
        );

    public void Dispose() => _subscription?.Dispose();

    private static CorsPolicy Build(CorsOptionsSettings options)
    {
        var builder = new CorsPolicyBuilder();
        options.ToSettings().Apply(builder);
        return builder.Build();
    }
}
