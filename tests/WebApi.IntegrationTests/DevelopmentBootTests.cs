using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests;

/// <summary>
/// The API as <c>./build.sh run</c> starts it: in Development, where the host validates every
/// registration on build (<c>ValidateOnBuild</c>, <c>ValidateScopes</c>), so a handler whose
/// dependency is not registered stops it at start. The shared test host runs in Testing, which
/// does not validate: without this one, such a gap passes the suite and breaks the local run.
/// Its own database: Development registers the local OAuth clients with their own redirect
/// addresses, which must not replace the shared host's.
/// </summary>
public sealed class DevelopmentBootTests
{
    [Test]
    public async Task Should_pass_dependency_validation_in_development_and_serve()
    {
        var database = await TestDatabase.CreateMigratedAsync("development_boot");
        await using var host = new ExtraApiHost(
            "Development",
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Ledger"] = database.ConnectionString,
                ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                ["Storage:ReceiptsRoot"] = ApiHost.ReceiptsRoot,
            }
        );
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
