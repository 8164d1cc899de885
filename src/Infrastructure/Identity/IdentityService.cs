using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ledger.Infrastructure.Identity;

// Identity's UserManager (its store, validators, hasher, options) and the stand-in mail are
// resolved on first use, not with the service: GET /api/v1/me builds this service on every request
// and reads one row without them (ADR 0086).
public sealed class IdentityService(IServiceProvider services, ApplicationDbContext db)
    : IIdentityService
{
    private UserManager<ApplicationUser>? _users;
    private Email.UnqueuedAccountMail? _unqueued;

    private UserManager<ApplicationUser> Users =>
        _users ??= services.GetRequiredService<UserManager<ApplicationUser>>();

    private Email.UnqueuedAccountMail Unqueued =>
        _unqueued ??= services.GetRequiredService<Email.UnqueuedAccountMail>();

    /// <summary>What an anonymized account is called wherever its name used to show.</summary>
    public const string TombstoneDisplayName = "Deleted user";

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
        // The command's transaction saves without savepoints (ADR 0057); this save is caught
        // below and the transaction goes on, so it needs one.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = true;
        try
        {
            result = await Users.CreateAsync(user, newUser.Password);
        }
        catch (DbUpdateException exception)
            when (exception.InnerException
                    is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            )
        {
            // Two registrations raced past Identity's check; the unique index decided. EF rolled
            // the transaction back to its savepoint; the refused row must not be saved again
            // when the command's unit of work saves.
            db.Entry(user).State = EntityState.Detached;
            return RegistrationResult.EmailTaken;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
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
        Profile(db, id.Value, cancellationToken);

    // GET /api/v1/me's one statement, compiled once (ADR 0070).
    private static readonly Func<
        ApplicationDbContext,
        Guid,
        CancellationToken,
        Task<UserProfile?>
    > Profile = EF.CompileAsyncQuery(
        (ApplicationDbContext context, Guid id, CancellationToken _) =>
            context
                .Users.AsNoTracking()
                .Where(u => u.Id == id)
                .Select(u => new UserProfile(UserId.From(u.Id), u.DisplayName))
                .FirstOrDefault()
    );

    public Task<AccountDetails?> FindAccountAsync(UserId id, CancellationToken cancellationToken) =>
        db
            .Users.AsNoTracking()
            .Where(u => u.Id == id.Value)
            .Select(u => new AccountDetails(
                UserId.From(u.Id),
                u.Email,
                u.EmailConfirmed,
                u.DisplayName,
                u.CreatedAt,
                u.IsActive
            ))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> SetDisplayNameAsync(
        UserId id,
        string displayName,
        CancellationToken cancellationToken
    )
    {
        var user = await ActiveUserAsync(id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.DisplayName = displayName;
        return true;
    }

    public async Task<ReauthenticationOutcome> VerifyCurrentPasswordAsync(
        UserId id,
        string password,
        CancellationToken cancellationToken
    )
    {
        var user = await ActiveUserAsync(id, cancellationToken);
        if (user is null)
        {
            return ReauthenticationOutcome.NotVerified;
        }

        if (await Users.IsLockedOutAsync(user))
        {
            return ReauthenticationOutcome.LockedOut;
        }

        if (await Users.CheckPasswordAsync(user, password))
        {
            if (await Users.GetAccessFailedCountAsync(user) > 0)
            {
                await Users.ResetAccessFailedCountAsync(user);
            }

            return ReauthenticationOutcome.Verified;
        }

        // Saved at once (Identity's store saves on update): the refused command rolls back, this does not.
        await Users.AccessFailedAsync(user);
        return await Users.IsLockedOutAsync(user)
            ? ReauthenticationOutcome.LockedOut
            : ReauthenticationOutcome.NotVerified;
    }

    public async Task<PasswordChangeResult> ChangePasswordAsync(
        UserId id,
        string currentPassword,
        string newPassword,
        CancellationToken cancellationToken
    )
    {
        var user = await ActiveUserAsync(id, cancellationToken);
        if (user is null || !await Users.CheckPasswordAsync(user, currentPassword))
        {
            return PasswordChangeResult.NotVerified;
        }

        // Validates the new password first; on success rotates the security stamp.
        var result = await Users.ChangePasswordAsync(user, currentPassword, newPassword);
        return await AfterPasswordSetAsync(user, result, cancellationToken);
    }

    public async Task<PasswordChangeResult> ResetPasswordAsync(
        UserId id,
        string token,
        string newPassword,
        CancellationToken cancellationToken
    )
    {
        var user = await ActiveUserAsync(id, cancellationToken);
        if (user is null)
        {
            return PasswordChangeResult.NotVerified;
        }

        var result = await Users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(e => e.Code == Describer.InvalidToken().Code))
        {
            return PasswordChangeResult.NotVerified;
        }

        return await AfterPasswordSetAsync(user, result, cancellationToken);
    }

    public async Task AnonymizeAsync(UserId id, CancellationToken cancellationToken)
    {
        var user =
            await db.Users.FirstOrDefaultAsync(u => u.Id == id.Value, cancellationToken)
            ?? throw new InvalidOperationException("No account to anonymize.");
        var tombstoneEmail = $"deleted-{user.Id:N}@accounts.invalid";
        user.Email = tombstoneEmail;
        user.NormalizedEmail = tombstoneEmail.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.DisplayName = TombstoneDisplayName;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.PasswordHash = null;
        user.IsActive = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();

        // Purely private rows: nobody else's history refers to them.
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await SessionRevocation.RevokeAllAsync(db, user.Id, cancellationToken);
    }

    public async Task<AccountToken?> CreateEmailConfirmationTokenAsync(
        string email,
        CancellationToken cancellationToken
    )
    {
        var user = await Users.FindByEmailAsync(email);
        if (user is not { IsActive: true, Email: not null, EmailConfirmed: false })
        {
            // The same work as queuing the mail, so the answer takes as long (ADR 0036).
            await Unqueued.DoEquivalentWorkAsync(
                Email.AccountEmailKind.EmailConfirmation,
                cancellationToken
            );
            return null;
        }

        var token = await Users.GenerateEmailConfirmationTokenAsync(user);
        return new AccountToken(UserId.From(user.Id), user.Email, user.DisplayName, token);
    }

    public async Task<AccountToken?> CreatePasswordResetTokenAsync(
        string email,
        CancellationToken cancellationToken
    )
    {
        var user = await Users.FindByEmailAsync(email);
        if (user is not { IsActive: true, Email: not null })
        {
            // The same work as queuing the mail, so the answer takes as long (ADR 0036).
            await Unqueued.DoEquivalentWorkAsync(
                Email.AccountEmailKind.PasswordReset,
                cancellationToken
            );
            return null;
        }

        var token = await Users.GeneratePasswordResetTokenAsync(user);
        return new AccountToken(UserId.From(user.Id), user.Email, user.DisplayName, token);
    }

    public async Task<bool> ConfirmEmailAsync(
        UserId id,
        string token,
        CancellationToken cancellationToken
    )
    {
        var user = await ActiveUserAsync(id, cancellationToken);
        // Already confirmed: the token has been spent.
        if (user is null || user.EmailConfirmed)
        {
            return false;
        }

        return (await Users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    private async Task<PasswordChangeResult> AfterPasswordSetAsync(
        ApplicationUser user,
        IdentityResult result,
        CancellationToken cancellationToken
    )
    {
        if (!result.Succeeded)
        {
            var problems = result
                .Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                .Select(e => e.Description)
                .ToList();
            return problems.Count > 0
                ? PasswordChangeResult.PasswordRejected(problems)
                : throw new InvalidOperationException(
                    $"Identity refused a password: {string.Join(", ", result.Errors.Select(e => e.Code))}."
                );
        }

        await SessionRevocation.RevokeAllAsync(db, user.Id, cancellationToken);
        return PasswordChangeResult.Changed;
    }

    private Task<ApplicationUser?> ActiveUserAsync(
        UserId id,
        CancellationToken cancellationToken
    ) => db.Users.FirstOrDefaultAsync(u => u.Id == id.Value && u.IsActive, cancellationToken);
}
