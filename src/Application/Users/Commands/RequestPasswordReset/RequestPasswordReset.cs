namespace Ledger.Application.Users.Commands.RequestPasswordReset;

/// <summary>
/// Mails a password reset link to the address if an account has it. The answer is the same
/// whether or not one does. Anyone may ask; handled by <see cref="AccountLinkRequestHandler"/>.
/// </summary>
public sealed record RequestPasswordReset(string Email) : AccountLinkRequest(Email);

public sealed class RequestPasswordResetValidator
    : AccountLinkRequestValidator<RequestPasswordReset>;
