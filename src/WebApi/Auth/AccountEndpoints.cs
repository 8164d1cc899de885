using Ledger.Application.Users.Commands.ChangePassword;
using Ledger.Application.Users.Commands.ConfirmEmail;
using Ledger.Application.Users.Commands.DeleteMe;
using Ledger.Application.Users.Commands.RegisterUser;
using Ledger.Application.Users.Commands.RequestEmailConfirmation;
using Ledger.Application.Users.Commands.RequestPasswordReset;
using Ledger.Application.Users.Commands.ResetPassword;
using Ledger.Application.Users.Commands.UpdateMe;
using Ledger.Application.Users.Queries.ExportMyData;
using Ledger.Application.Users.Queries.GetMe;
using Ledger.WebApi.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.WebApi.Auth;

/// <summary>
/// Registration, email confirmation and password reset (anonymous, rate limited per IP and per
/// account), and the caller's own account.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Account");
        api.MapPost("/auth/register", RegisterUser)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitingEndpoints.JsonEmail("email"))
            .WithName(nameof(RegisterUser));
        api.MapPost("/auth/email-confirmations", RequestEmailConfirmation)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitingEndpoints.JsonEmail("email"))
            .WithName(nameof(RequestEmailConfirmation));
        api.MapPost("/auth/email-confirmations/confirm", ConfirmEmail)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitingEndpoints.JsonUserId("userId"))
            .WithName(nameof(ConfirmEmail));
        api.MapPost("/auth/password-resets", RequestPasswordReset)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitingEndpoints.JsonEmail("email"))
            .WithName(nameof(RequestPasswordReset));
        api.MapPost("/auth/password-resets/confirm", ResetPassword)
            .AllowAnonymous()
            .RequireAuthRateLimit(RateLimitingEndpoints.JsonUserId("userId"))
            .WithName(nameof(ResetPassword));

        var me = api.MapGroup("/me").RequireAuthorization();
        me.MapGet("", GetMe).WithName(nameof(GetMe));
        me.MapPatch("", UpdateMe).WithName(nameof(UpdateMe));
        me.MapPost("/password", ChangePassword).WithName(nameof(ChangePassword));
        me.MapGet("/export", ExportMyData)
            .RequireExpensiveRateLimit()
            .WithName(nameof(ExportMyData));
        me.MapDelete("", DeleteMe).WithName(nameof(DeleteMe));
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

    /// <summary>202 whether or not the address has an account.</summary>
    public static async Task<Accepted> RequestEmailConfirmation(
        EmailRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(new RequestEmailConfirmation(body.Email), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ConfirmEmail(
        ConfirmEmailRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(new ConfirmEmail(body.UserId, body.Token), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>202 whether or not the address has an account.</summary>
    public static async Task<Accepted> RequestPasswordReset(
        EmailRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(new RequestPasswordReset(body.Email), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ResetPassword(
        ResetPasswordRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new ResetPassword(body.UserId, body.Token, body.NewPassword),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeDto>> GetMe(
        ISender sender,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await sender.Send(new GetMe(), cancellationToken));

    public static async Task<Ok<MeDto>> UpdateMe(
        UpdateMeRequest body,
        ISender sender,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await sender.Send(new UpdateMe(body.DisplayName), cancellationToken));

    /// <summary>Every token of the user stops working, this one included: sign in again.</summary>
    public static async Task<NoContent> ChangePassword(
        ChangePasswordRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(
            new ChangePassword(body.CurrentPassword, body.NewPassword),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PersonalDataExport>> ExportMyData(
        ISender sender,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await sender.Send(new ExportMyData(), cancellationToken));

    /// <summary>
    /// Anonymizes the account after checking the current password; 409 while a balance is open
    /// or a group would lose its last owner.
    /// </summary>
    public static async Task<NoContent> DeleteMe(
        [FromBody] DeleteMeRequest body,
        ISender sender,
        CancellationToken cancellationToken
    )
    {
        await sender.Send(new DeleteMe(body.CurrentPassword ?? string.Empty), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>The registration form. Only these fields bind; nothing else can be smuggled in.</summary>
public sealed record RegisterUserRequest(string? Email, string? Password, string? DisplayName);

public sealed record RegisteredUserResponse(Guid Id);

public sealed record EmailRequest(string Email);

public sealed record ConfirmEmailRequest(Guid UserId, string Token);

public sealed record ResetPasswordRequest(Guid UserId, string Token, string NewPassword);

public sealed record UpdateMeRequest(string DisplayName);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>Deleting the account takes the current password (re-authentication).</summary>
public sealed record DeleteMeRequest(string? CurrentPassword);
