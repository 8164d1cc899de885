using Ledger.Domain.Common;

namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// User accounts as the use cases need them. Implemented with ASP.NET Core Identity, which
/// hashes passwords and applies the password policy; no use case sees a password hash.
/// </summary>
public interface IIdentityService
{
    Task<RegistrationResult> CreateUserAsync(
        NewUser user,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken
    );

    Task<UserProfile?> FindProfileAsync(UserId id, CancellationToken cancellationToken);
}

public sealed record NewUser(UserId Id, string Email, string Password, string DisplayName);

public sealed record UserProfile(UserId Id, string DisplayName);

public enum RegistrationOutcome
{
    Created,
    EmailTaken,
    EmailRejected,
    PasswordRejected,
}

/// <summary>
/// What happened to a registration. <see cref="PasswordProblems"/> are fixed sentences about
/// the password rules, never the password itself.
/// </summary>
public sealed record RegistrationResult(
    RegistrationOutcome Outcome,
    IReadOnlyList<string> PasswordProblems
)
{
    public static RegistrationResult Created { get; } = new(RegistrationOutcome.Created, []);

    public static RegistrationResult EmailTaken { get; } = new(RegistrationOutcome.EmailTaken, []);

    public static RegistrationResult EmailRejected { get; } =
        new(RegistrationOutcome.EmailRejected, []);

    public static RegistrationResult PasswordRejected(IReadOnlyList<string> problems) =>
        new(RegistrationOutcome.PasswordRejected, problems);
}
