using Microsoft.AspNetCore.Identity;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// NIST SP 800-63B 3.1.1.2: refuses passwords found in breach corpora. The list ships inside
/// this assembly (see Identity/CommonPasswords/NOTICE.md for its source and licence) and is read
/// once, on first use. Case is ignored: "Qwerty123456" is as guessable as "qwerty123456".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordTooCommon";
    private const string ResourceName = "Ledger.CommonPasswords.txt";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(
        UserManager<ApplicationUser> manager,
        ApplicationUser user,
        string? password
    ) =>
        Task.FromResult(
            password is not null && IsCommon(password)
                ? IdentityResult.Failed(
                    new IdentityError
                    {
                        Code = ErrorCode,
                        Description =
                            "This password is on a list of commonly used passwords; choose another.",
                    }
                )
                : IdentityResult.Success
        );

    private static HashSet<string> Load()
    {
        using var stream =
            typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
