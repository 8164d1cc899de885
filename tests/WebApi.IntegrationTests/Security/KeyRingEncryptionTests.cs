using AwesomeAssertions;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// The data-protection keys (they sign session and anti-forgery cookies and reset links) are
/// stored encrypted: whoever reads the table cannot forge a session with what it holds.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    [Test]
    public async Task Should_store_data_protection_keys_with_no_plain_key_material()
    {
        var keys = ApiHost.Factory.Services.GetRequiredService<IKeyManager>();
        // Active only in a year, so no other test's cookies are protected with it meanwhile.
        var activation = DateTimeOffset.UtcNow.AddYears(1);
        var created = keys.CreateNewKey(activation, activation.AddDays(90));

        var xml = await StoredXmlAsync(created.KeyId);

        xml.Should().Contain("encryptedSecret").And.Contain("AesGcmXmlDecryptor");
        xml.Should().NotContain("masterKey", "the key material is inside the encrypted element");
        keys.GetAllKeys()
            .Single(key => key.KeyId == created.KeyId)
            .Descriptor.Should()
            .NotBeNull("the stored key decrypts again");
    }

    private static async Task<string> StoredXmlAsync(Guid keyId)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT xml FROM data_protection_keys WHERE friendly_name = @name",
            connection
        );
        query.Parameters.AddWithValue("name", $"key-{keyId:D}");
        return (string)(await query.ExecuteScalarAsync())!;
    }
}
