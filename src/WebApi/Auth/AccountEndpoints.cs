using FluentValidation;
using Ledger.Application.Users.Commands.RegisterUser;
using Ledger.Application.Users.Queries.GetMe;
using Ledger.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Auth;

/// <summary>Registration (anonymous) and the caller's own profile.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Account");
        api.MapPost("/auth/register", RegisterUser).AllowAnonymous();
        api.MapGet("/me", GetMe).RequireAuthorization();
        return app;
    }

    public static async Task<
        Results<Created<RegisteredUserResponse>, ValidationProblem, ProblemHttpResult>
    > RegisterUser(RegisterUserRequest body, ISender sender, CancellationToken cancellationToken)
    {
        // Refusals are mapped here until the API-wide exception handler maps them all.
        try
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
        catch (ValidationException invalid)
        {
            return TypedResults.ValidationProblem(
                invalid
                    .Errors.GroupBy(e => JsonName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray())
            );
        }
        catch (BusinessRuleViolationException conflict)
        {
            return TypedResults.Problem(
                title: "Registration refused",
                detail: conflict.Message,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["code"] = conflict.Code }
            );
        }
    }

    public static async Task<Ok<MeDto>> GetMe(
        ISender sender,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await sender.Send(new GetMe(), cancellationToken));

    private static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName)
            ? propertyName
            : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}

/// <summary>The registration form. Only these fields bind; nothing else can be smuggled in.</summary>
public sealed record RegisterUserRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisteredUserResponse(Guid Id);
