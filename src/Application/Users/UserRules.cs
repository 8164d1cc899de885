namespace Ledger.Application.Users;

/// <summary>
/// Limits on account data. Passwords follow NIST SP 800-63B: length is what makes them strong,
/// so there is a generous maximum (passphrases fit) and no composition rules at all.
/// </summary>
public static class UserRules
{
    public const int PasswordMinimumLength = 12;
    public const int PasswordMaximumLength = 128;
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 100;
}
