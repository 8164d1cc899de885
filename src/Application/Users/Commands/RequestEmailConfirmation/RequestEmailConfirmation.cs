namespace Ledger.Application.Users.Commands.RequestEmailConfirmation;

/// <summary>
/// Mails a confirmation link to the address if an unconfirmed account has it. The answer is the
/// same whether or not one does. Anyone may ask; handled by <see cref="AccountLinkRequestHandler"/>.
/// </summary>
public sealed record RequestEmailConfirmation(string Email) : AccountLinkRequest(Email);

public sealed class RequestEmailConfirmationValidator
    : AccountLinkRequestValidator<RequestEmailConfirmation>;
