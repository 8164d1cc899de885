using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ledger.Infrastructure.Identity;

/// <summary>
/// The key that encrypts the data-protection key ring at rest (the keys that sign session and
/// anti-forgery cookies and reset links live in the database). AES-256-GCM with the 32 bytes of
/// <c>DataProtection:KeyEncryptionKey</c> (base64) or of the file named by
/// <c>DataProtection:KeyEncryptionKeyFile</c>. Required in every environment but Development and
/// Testing, which fall back to a well-known development key (so their key XML is never plain
/// either, and a copy of their database is no worse than one of production's without its key).
/// </summary>
public sealed class KeyRingEncryptionKey
{
    public const string Setting = "DataProtection:KeyEncryptionKey";
    public const string FileSetting = Setting + "File";

    private static readonly byte[] DevelopmentKey = SHA256.HashData(
        Encoding.UTF8.GetBytes("Ledger development key-ring encryption key: not a secret")
    );

    /// <summary>The well-known key of Development and Testing, for tests that boot other environments.</summary>
    public static string DevelopmentKeyBase64 => Convert.ToBase64String(DevelopmentKey);

    private KeyRingEncryptionKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    internal byte[] Key { get; }

    /// <summary>Names the key (a hash prefix) in each encrypted element, so a wrong key is told apart.</summary>
    internal string Id { get; }

    /// <summary>Whether configuration gives a key (what the production guard checks).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[Setting])
        || !string.IsNullOrWhiteSpace(configuration[FileSetting]);

    /// <param name="environment">Null in containers built without a host (test harnesses): local.</param>
    public static KeyRingEncryptionKey From(
        IConfiguration configuration,
        IHostEnvironment? environment
    )
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text) && configuration[FileSetting] is { Length: > 0 } file)
        {
            text = File.ReadAllText(file);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            var local =
                environment is null
                || environment.IsDevelopment()
                || environment.IsEnvironment("Testing");
            return local
                ? new KeyRingEncryptionKey(DevelopmentKey)
                : throw new InvalidOperationException(
                    $"Refusing to store data-protection keys unencrypted: set {Setting} or {FileSetting} (32 random bytes, base64)."
                );
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Setting} is not base64.");
        }

        return key.Length == 32
            ? new KeyRingEncryptionKey(key)
            : throw new InvalidOperationException($"{Setting} must be 32 bytes (base64).");
    }
}

/// <summary>Encrypts each key of the ring with <see cref="KeyRingEncryptionKey"/> before it is stored.</summary>
public sealed class AesGcmXmlEncryptor(KeyRingEncryptionKey key) : IXmlEncryptor
{
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(
            plaintextElement.ToString(SaveOptions.DisableFormatting)
        );
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var tag = new byte[TagSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key.Key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            "encryptedKey",
            new XAttribute("keyId", key.Id),
            new XComment(" AES-256-GCM under DataProtection:KeyEncryptionKey "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. ciphertext]))
        );
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Created by the key manager by type name; finds the key in the container.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyRingEncryptionKey>();
        if ((string?)encryptedElement.Attribute("keyId") != key.Id)
        {
            throw new CryptographicException(
                "A data-protection key was encrypted with another DataProtection:KeyEncryptionKey."
            );
        }

        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonce = data.AsSpan(0, AesGcmXmlEncryptor.NonceSize);
        var tag = data.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize);
        var ciphertext = data.AsSpan(AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key.Key, AesGcmXmlEncryptor.TagSize))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
