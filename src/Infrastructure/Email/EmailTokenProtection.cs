using Microsoft.AspNetCore.DataProtection;

namespace Ledger.Infrastructure.Email;

/// <summary>
/// Encrypts the links' tokens while they wait in <c>outgoing_emails</c>: whoever reads the table
/// (a backup, a support query) cannot reset a password with them. The key ring is shared by the
/// API and the worker (it is kept in the database).
/// </summary>
public sealed class EmailTokenProtection(IDataProtectionProvider provider)
{
    public const string Purpose = "Ledger.Email.OutgoingToken.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
