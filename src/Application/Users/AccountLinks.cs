namespace Ledger.Application.Users;

/// <summary>Limits and wording for the single-use tokens sent by email.</summary>
public static class AccountLinks
{
    public const int TokenMaxLength = 2048;

    /// <summary>Says neither whether the account exists nor why the token failed.</summary>
    public const string InvalidLinkMessage = "This link is invalid or has expired.";
}
