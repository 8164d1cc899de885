using AwesomeAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>R11, audit 003 #11 and 000 "production needs a real database": no silent defaults in Production.</summary>
public sealed class ProductionBootTests
{
    // Any environment but Development and Testing is production, whatever it is called.
    [TestCase("Production")]
    [TestCase("Staging")]
    public void Should_refuse_to_start_without_database_keys_and_cors_and_name_each(
        string environment
    )
    {
        using var factory = new ProductionFactory(new Dictionary<string, string?>(), environment);

        var start = () => factory.Server;

        var failure = start.Should().Throw<InvalidOperationException>().Which.Message;
        failure.Should().Contain("ConnectionStrings__Ledger or DATABASE_URL");
        failure.Should().Contain("Auth:SigningKey").And.Contain("Auth:EncryptionKey");
        failure.Should().Contain("DataProtection:KeyEncryptionKey");
        failure.Should().Contain("Cors:Origins");
        failure.Should().Contain("Storage:ReceiptsRoot");
    }

    [TestCase("*")]
    [TestCase("http://localhost:3000")]
    [TestCase("https://127.0.0.1")]
    [TestCase("http://app.example.com")]
    public void Should_refuse_wildcard_localhost_and_plain_http_origins(string origin)
    {
        using var factory = new ProductionFactory(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Ledger"] = "Host=db.internal;Database=ledger;Username=ledger",
                ["ConnectionStrings:Redis"] = "redis.internal:6379",
                ["Auth:SigningKey"] = "/run/secrets/signing.pem",
                ["Auth:EncryptionKey"] = "/run/secrets/encryption.pem",
                ["Cors:Origins:0"] = origin,
            }
        );

        var start = () => factory.Server;

        var failure = start.Should().Throw<InvalidOperationException>().Which.Message;
        failure.Should().Contain($"'{origin}'");
        failure.Should().NotContain("DATABASE_URL");
    }

    [Test]
    public void Should_accept_a_database_url_instead_of_a_connection_string()
    {
        using var factory = new ProductionFactory(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = "postgres://ledger:secret@db.internal:5432/ledger",
            }
        );

        var start = () => factory.Server;

        start
            .Should()
            .Throw<InvalidOperationException>()
            .Which.Message.Should()
            .NotContain("DATABASE_URL");
    }

    private sealed class ProductionFactory(
        IReadOnlyDictionary<string, string?> settings,
        string environment = "Production"
    ) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
