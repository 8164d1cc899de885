namespace Ledger.WebApi.Auth;

/// <summary>
/// The <c>Admin</c> configuration section: <c>Admin:UserIds</c> lists the users who are platform
/// admins. Empty unless configured: there is no default admin and no admin password anywhere.
/// </summary>
public sealed class PlatformAdminSettings
{
    public const string Section = "Admin";

    public List<Guid> UserIds { get; init; } = [];
}
