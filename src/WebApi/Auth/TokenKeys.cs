using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The RSA keys that sign and encrypt tokens. Outside Development and Testing they come from
/// configuration only — an RSA private key in PEM form, inline or base64-encoded
/// (<c>Auth:SigningKey</c>, <c>Auth:EncryptionKey</c>) or in a file
/// (<c>Auth:SigningKeyFile</c>, <c>Auth:EncryptionKeyFile</c>) — and the app refuses to start
/// without them. Development and Testing make keys once and keep them under .local/keys, so a
/// restart does not invalidate every token. Development certificates are never used.
/// </summary>
public sealed record TokenKeys(RsaSecurityKey Signing, RsaSecurityKey Encryption)
{
    public const string SigningKeySetting = "SigningKey";
    public const string EncryptionKeySetting = "EncryptionKey";

    public static TokenKeys Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var signing = FromConfiguration(configuration, SigningKeySetting);
        var encryption = FromConfiguration(configuration, EncryptionKeySetting);
        if (signing is not null && encryption is not null)
        {
            return new TokenKeys(signing, encryption);
        }

        if (AuthSettings.IsLocalEnvironment(environment))
        {
            var directory = Path.Combine(LocalFolder.For(environment), "keys");
            return new TokenKeys(
                signing ?? LocalKey(Path.Combine(directory, "signing.pem")),
                encryption ?? LocalKey(Path.Combine(directory, "encryption.pem"))
            );
        }

        var missing = new[]
        {
            signing is null ? SettingNames(SigningKeySetting) : null,
            encryption is null ? SettingNames(EncryptionKeySetting) : null,
        }.OfType<string>();
        throw new InvalidOperationException(
            $"Token keys are missing in the {environment.EnvironmentName} environment: set {string.Join(" and ", missing)} to an RSA private key in PEM form."
        );
    }

    private static string SettingNames(string name) =>
        $"{AuthSettings.Section}:{name} (or {AuthSettings.Section}:{name}File)";

    private static RsaSecurityKey? FromConfiguration(IConfiguration configuration, string name)
    {
        var inline = configuration[$"{AuthSettings.Section}:{name}"];
        var file = configuration[$"{AuthSettings.Section}:{name}File"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            string pem;
            try
            {
                pem = File.ReadAllText(file);
            }
            catch (Exception exception)
                when (exception is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"The key file named by {AuthSettings.Section}:{name}File cannot be read.",
                    exception
                );
            }

            return Parse(pem, $"{AuthSettings.Section}:{name}File");
        }

        if (string.IsNullOrWhiteSpace(inline))
        {
            return null;
        }

        return Parse(
            inline.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
                ? inline
                : DecodeBase64(inline, name),
            $"{AuthSettings.Section}:{name}"
        );
    }

    private static string DecodeBase64(string value, string name)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
        }
        catch (FormatException exception)
        {
            throw Invalid($"{AuthSettings.Section}:{name}", exception);
        }
    }

    /// <param name="source">The setting or file the key came from, for error messages.</param>
    private static RsaSecurityKey Parse(string pem, string source)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            // Throws for a public key: signing and decrypting need the private half.
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw Invalid(source, exception);
        }

        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"The key in {source} is shorter than 2048 bits.");
        }

        return WithKeyId(new RsaSecurityKey(rsa));
    }

    private static InvalidOperationException Invalid(string source, Exception inner) =>
        new($"{source} is not an RSA private key in PEM form.", inner);

    /// <summary>Reads a development key, making it first if this is the first run.</summary>
    private static RsaSecurityKey LocalKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(2048);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(new FileStream(temporary, options)))
            {
                writer.Write(rsa.ExportPkcs8PrivateKeyPem());
            }

            try
            {
                // Two processes starting at once: the first key written wins, both use it.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return Parse(
            File.ReadAllText(path),
            "the development key .local/keys/" + Path.GetFileName(path)
        );
    }

    private static RsaSecurityKey WithKeyId(RsaSecurityKey key)
    {
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
