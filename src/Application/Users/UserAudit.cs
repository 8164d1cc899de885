namespace Ledger.Application.Users;

/// <summary>Audit actions of accounts. Records name the user id only.</summary>
public static class UserAudit
{
    public const string UserRecord = "user";

    public const string Registered = "user.registered";
    public const string ProfileUpdated = "user.profile-updated";
    public const string PasswordChanged = "user.password-changed";
    public const string PasswordReset = "user.password-reset";
    public const string EmailConfirmed = "user.email-confirmed";
    public const string Deleted = "user.deleted";
}
