using Ledger.Application.Users;
using Microsoft.AspNetCore.Identity;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// A Ledger account. Never deleted: deleting an account anonymizes it and keeps the id, so that
/// the shared financial history of the groups it was part of stays whole.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = UserRules.DisplayNameMaxLength;

    public string DisplayName { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
