using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ledger.Infrastructure.Identity;

public sealed class IdentityService(UserManager<ApplicationUser> users, ApplicationDbContext db)
    : IIdentityService
{
    private static readonly IdentityErrorDescriber Describer = new();

    private static readonly HashSet<string> TakenCodes =
    [
        Describer.DuplicateEmail(string.Empty).Code,
        Describer.DuplicateUserName(string.Empty).Code,
    ];

    private static readonly HashSet<string> InvalidEmailCodes =
    [
        Describer.InvalidEmail(string.Empty).Code,
    ];

    public async Task<RegistrationResult> CreateUserAsync(
        NewUser newUser,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken
    )
    {
        var user = new ApplicationUser
        {
            Id = newUser.Id.Value,
            // The user name is the id: the email lives in one column only, which keeps
            // anonymization to one place and the unique email index the one source of truth.
            UserName = newUser.Id.Value.ToString("N"),
            Email = newUser.Email,
            DisplayName = newUser.DisplayName,
            CreatedAt = createdAt,
        };

        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, newUser.Password);
        }
        catch (DbUpdateException exception)
            when (exception.InnerException
                    is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            )
        {
            // Two registrations raced past Identity's check; the unique index decided.
            return RegistrationResult.EmailTaken;
        }

        if (result.Succeeded)
        {
            return RegistrationResult.Created;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Any(TakenCodes.Contains))
        {
            return RegistrationResult.EmailTaken;
        }

        if (codes.Any(InvalidEmailCodes.Contains))
        {
            // Identity's own description repeats the address; ours does not.
            return RegistrationResult.EmailRejected;
        }

        var passwordErrors = result
            .Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
            .Select(e => e.Description)
            .ToList();
        if (passwordErrors.Count > 0)
        {
            return RegistrationResult.PasswordRejected(passwordErrors);
        }

        throw new InvalidOperationException(
            $"Identity refused a new user: {string.Join(", ", codes)}."
        );
    }

    public Task<UserProfile?> FindProfileAsync(UserId id, CancellationToken cancellationToken) =>
        db
            .Users.AsNoTracking()
            .Where(u => u.Id == id.Value)
            .Select(u => new UserProfile(new UserId(u.Id), u.DisplayName))
            .FirstOrDefaultAsync(cancellationToken);
}
