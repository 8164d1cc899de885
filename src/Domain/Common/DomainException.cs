namespace Ledger.Domain.Common;

/// <summary>
/// A rule of the domain was broken. The message is written for the client: it must never
/// contain personal data (no emails, names or user-typed text), only ids, amounts and codes.
/// </summary>
public abstract class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable code such as <c>group.last-owner</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>The request is well-formed but conflicts with the current state (HTTP 409).</summary>
public sealed class BusinessRuleViolationException(string code, string message)
    : DomainException(code, message);

/// <summary>The input breaks an invariant of the domain (HTTP 400).</summary>
/// <param name="field">
/// The input field at fault (camelCase path such as <c>payers[1].amount</c>), when there is one,
/// so the problem details can name it.
/// </param>
public sealed class DomainValidationException(string code, string message, string? field = null)
    : DomainException(code, message)
{
    public string? Field { get; } = field;
}
