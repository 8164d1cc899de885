using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ledger.WebApi.Auth;

/// <summary>
/// Makes the stored first-party web client match configuration before the server takes
/// requests: created when missing, updated (redirect URIs, permissions) when present. Running
/// it on every start, on every instance, is safe.
/// </summary>
public sealed partial class WebClientRegistration(
    IServiceScopeFactory scopes,
    AuthSettings settings,
    IHostEnvironment environment,
    ILogger<WebClientRegistration> logger
) : IHostedLifecycleService
{
    // Before any hosted service starts, Kestrel included: no request meets a missing client.
    public Task StartingAsync(CancellationToken cancellationToken) =>
        EnsureAsync(cancellationToken);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (settings.WebClient is not { } client)
        {
            LogNotConfigured();
            return;
        }

        var descriptor = Describe(client);
        await using var scope = scopes.CreateAsyncScope();
        var applications =
            scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (existing is null)
        {
            try
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                LogCreated(client.ClientId);
                return;
            }
            catch (Exception exception)
                when (exception is DbUpdateException or OpenIddictExceptions.ValidationException)
            {
                // Another instance created it in the meantime: bring that one up to date.
                existing =
                    await applications.FindByClientIdAsync(client.ClientId, cancellationToken)
                    ?? throw new InvalidOperationException(
                        "The web client could not be created.",
                        exception
                    );
            }
        }

        await applications.UpdateAsync(existing, descriptor, cancellationToken);
        LogUpdated(client.ClientId);
    }

    private OpenIddictApplicationDescriptor Describe(WebClientSettings client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            // First party: signing in is the consent.
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(ValidRedirectUri(uri, "RedirectUris"));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(ValidRedirectUri(uri, "PostLogoutRedirectUris"));
        }

        if (descriptor.RedirectUris.Count == 0)
        {
            throw new InvalidOperationException(
                $"Configuration setting {AuthSettings.Section}:WebClient:RedirectUris needs at least one URI."
            );
        }

        return descriptor;
    }

    /// <summary>Absolute, no fragment, and HTTPS outside Development/Testing unless loopback (RFC 9700).</summary>
    private Uri ValidRedirectUri(string value, string setting)
    {
        var valid =
            Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && string.IsNullOrEmpty(uri.Fragment)
            && (
                uri.Scheme == Uri.UriSchemeHttps
                || (
                    uri.Scheme == Uri.UriSchemeHttp
                    && (uri.IsLoopback || AuthSettings.IsLocalEnvironment(environment))
                )
            );
        return valid
            ? uri!
            : throw new InvalidOperationException(
                $"Configuration setting {AuthSettings.Section}:WebClient:{setting} holds an invalid URI (absolute, no fragment, HTTPS)."
            );
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered OAuth client {ClientId}")]
    private partial void LogCreated(string clientId);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "OAuth client {ClientId} matches configuration"
    )]
    private partial void LogUpdated(string clientId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "No first-party web client configured (Auth:WebClient); none registered"
    )]
    private partial void LogNotConfigured();
}
