namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// User accounts as the use cases need them. Implemented with ASP.NET Core Identity, which
/// hashes passwords and applies the password policy; no use case sees a password hash.
/// Whatever ends a user's right to their sessions (password change, anonymization) also
/// revokes their tokens here, in the same transaction.
/// </summary>
public interface IIdentityService
{
    Task<RegistrationResult> CreateUserAsync(
        NewUser user,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken
    );

    Task<UserProfile?> FindProfileAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>The account as its owner may see it (export); null when it does not exist.</summary>
    Task<AccountDetails?> FindAccountAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>False when the account does not exist or is anonymized.</summary>
    Task<bool> SetDisplayNameAsync(
        UserId id,
        string displayName,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Re-authentication: checks the password of an active account, counting a failure towards
    /// Identity's lockout and saving that count at once (call it outside a transaction).
    /// </summary>
    Task<ReauthenticationOutcome> VerifyCurrentPasswordAsync(
        UserId id,
        string password,
        CancellationToken cancellationToken
    );

    /// <summary>Checks the current password, sets the new one and revokes every token of the user.</summary>
    Task<PasswordChangeResult> ChangePasswordAsync(
        UserId id,
        string currentPassword,
        string newPassword,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Email and name to a tombstone, password and external logins removed, security stamp
    /// rotated, every token and authorization revoked. The row and its id stay.
    /// </summary>
    Task AnonymizeAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>
    /// A single-use token confirming the email of the account with this address; null when
    /// there is none or it is confirmed already.
    /// </summary>
    Task<AccountToken?> CreateEmailConfirmationTokenAsync(
        string email,
        CancellationToken cancellationToken
    );

    /// <summary>A single-use token for the account with this email; null when there is none.</summary>
    Task<AccountToken?> CreatePasswordResetTokenAsync(
        string email,
        CancellationToken cancellationToken
    );

    Task<bool> ConfirmEmailAsync(UserId id, string token, CancellationToken cancellationToken);

    /// <summary>Sets a new password with a reset token and revokes every token of the user.</summary>
    Task<PasswordChangeResult> ResetPasswordAsync(
        UserId id,
        string token,
        string newPassword,
        CancellationToken cancellationToken
    );
}

public sealed record NewUser(UserId Id, string Email, string Password, string DisplayName);

public sealed record UserProfile(UserId Id, string DisplayName);

public sealed record AccountDetails(
    UserId Id,
    string? Email,
    bool EmailConfirmed,
    string DisplayName,
    DateTimeOffset CreatedAt,
    bool IsActive
);

/// <summary>A token for a link sent to the account's own address (the address is for the mail only).</summary>
public sealed record AccountToken(UserId UserId, string Email, string DisplayName, string Token);

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

public enum ReauthenticationOutcome
{
    Verified,
    NotVerified,
    LockedOut,
}

public enum PasswordChangeOutcome
{
    Changed,

    /// <summary>The current password (or the reset token) did not match, or no such account.</summary>
    NotVerified,
    PasswordRejected,
}

public sealed record PasswordChangeResult(
    PasswordChangeOutcome Outcome,
    IReadOnlyList<string> PasswordProblems
)
{
    public static PasswordChangeResult Changed { get; } = new(PasswordChangeOutcome.Changed, []);

    public static PasswordChangeResult NotVerified { get; } =
        new(PasswordChangeOutcome.NotVerified, []);

    public static PasswordChangeResult PasswordRejected(IReadOnlyList<string> problems) =>
        new(PasswordChangeOutcome.PasswordRejected, problems);
}
