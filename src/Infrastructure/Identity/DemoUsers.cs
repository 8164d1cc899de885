using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// Two demo accounts for local development. Their passwords are random, made on first seed and
/// kept in a git-ignored credentials file, so no fixed demo password exists anywhere that could
/// end up working in a real deployment. Seeding again reuses them; if the file and the database
/// disagree (one of them was wiped), the password is replaced and the file rewritten.
/// </summary>
public sealed partial class DemoUsers(
    IIdentityService identity,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    ILogger<DemoUsers> logger
)
{
    public static readonly IReadOnlyList<(string Email, string DisplayName)> Accounts =
    [
        ("alice@demo.ledger.test", "Alice (demo)"),
        ("bob@demo.ledger.test", "Bob (demo)"),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(
        string credentialsFile,
        CancellationToken cancellationToken
    )
    {
        var known = (await ReadAsync(credentialsFile, cancellationToken)).ToDictionary(
            c => c.Email,
            c => c.Password,
            StringComparer.OrdinalIgnoreCase
        );
        var credentials = new List<DemoCredential>();
        foreach (var (email, displayName) in Accounts)
        {
            var password = await EnsureAsync(
                email,
                displayName,
                known.GetValueOrDefault(email),
                cancellationToken
            );
            credentials.Add(new DemoCredential(email, displayName, password));
        }

        await WriteAsync(credentialsFile, credentials, cancellationToken);
        return credentials;
    }

    public static async Task<IReadOnlyList<DemoCredential>> ReadAsync(
        string credentialsFile,
        CancellationToken cancellationToken
    )
    {
        if (!File.Exists(credentialsFile))
        {
            return [];
        }

        await using var stream = File.OpenRead(credentialsFile);
        var file = await JsonSerializer.DeserializeAsync<DemoCredentialsFile>(
            stream,
            Json,
            cancellationToken
        );
        return file?.Users ?? [];
    }

    private async Task<string> EnsureAsync(
        string email,
        string displayName,
        string? knownPassword,
        CancellationToken cancellationToken
    )
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var password = knownPassword ?? NewPassword();
            var id = UserId.New();
            var result = await identity.CreateUserAsync(
                new NewUser(id, email, password, displayName),
                clock.GetUtcNow(),
                cancellationToken
            );
            if (result.Outcome != RegistrationOutcome.Created)
            {
                throw new InvalidOperationException(
                    $"Could not create a demo user: {result.Outcome}."
                );
            }

            LogCreated(id.Value);
            return password;
        }

        if (knownPassword is not null && await users.CheckPasswordAsync(user, knownPassword))
        {
            return knownPassword;
        }

        var replacement = NewPassword();
        await Succeed(users.RemovePasswordAsync(user));
        await Succeed(users.AddPasswordAsync(user, replacement));
        await Succeed(users.SetLockoutEndDateAsync(user, null));
        await Succeed(users.ResetAccessFailedCountAsync(user));
        LogPasswordReplaced(user.Id);
        return replacement;
    }

    private static async Task Succeed(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not update a demo user: {string.Join(", ", result.Errors.Select(e => e.Code))}."
            );
        }
    }

    private static async Task WriteAsync(
        string credentialsFile,
        IReadOnlyList<DemoCredential> credentials,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(credentialsFile))!);
        var temporary = $"{credentialsFile}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Passwords: readable by the developer only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(
                stream,
                new DemoCredentialsFile(credentials),
                Json,
                cancellationToken
            );
        }

        File.Move(temporary, credentialsFile, overwrite: true);
    }

    private static string NewPassword() =>
        Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo user {UserId}")]
    private partial void LogCreated(Guid userId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Gave demo user {UserId} a new random password"
    )]
    private partial void LogPasswordReplaced(Guid userId);

    private sealed record DemoCredentialsFile(IReadOnlyList<DemoCredential> Users);
}

public sealed record DemoCredential(string Email, string DisplayName, string Password);
