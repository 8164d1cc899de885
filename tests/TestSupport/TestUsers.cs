using Ledger.Infrastructure.Identity;

namespace Ledger.TestSupport;

/// <summary>Users the tests insert directly, without going through registration.</summary>
public static class TestUsers
{
    /// <summary>A user row, as registration would create it, with distinctive personal data.</summary>
    public static ApplicationUser New()
    {
        var email = Pii.Email();
        return new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = Pii.Name(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }
}
