namespace Ledger.WebApi.Auth;

/// <summary>
/// Platform admins, from the <c>Admin</c> configuration section: the user ids listed under
/// <c>Admin:UserIds</c>. Nobody is an admin by default. Read on every request, so a change to
/// the configuration applies without a restart.
/// </summary>
public sealed class AdminSettings
{
    public const string SectionName = "Admin";

    public List<Guid> UserIds { get; set; } = [];
}
