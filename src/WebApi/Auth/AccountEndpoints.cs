using Ledger.Application.Users.Commands.RegisterUser;
using Ledger.Application.Users.Queries.GetMe;
using Ledger.WebApi.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Auth;

/// <summary>Registration (anonymous) and the caller's own profile.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Account");
        api.MapPost("/auth/register", RegisterUser)
            .AllowAnonymous()
            .RequireAuthRateLimit("email")
            .WithName(nameof(RegisterUser));
        api.MapGet("/me", GetMe).RequireAuthorization().WithName(nameof(GetMe));
        return app;
    }

    public static async Task<Created<RegisteredUserResponse>> RegisterUser(
        RegisterUserRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        var id = await sender.Send(
            new RegisterUser(
                body.Email ?? string.Empty,
                body.Password ?? string.Empty,
                body.DisplayName ?? string.Empty
            ),
            cancellationToken
        );
        // The id only: echoing the email would put it in every log of the response.
        return TypedResults.Created("/api/v1/me", new RegisteredUserResponse(id.Value));
    }

    public static async Task<Ok<MeDto>> GetMe(
        ISender sender,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await sender.Send(new GetMe(), cancellationToken));
}

/// <summary>The registration form. Only these fields bind; nothing else can be smuggled in.</summary>
public sealed record RegisterUserRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisteredUserResponse(Guid Id);
