using System.Text;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.OpenApi;

/// <summary>The conformance check itself can fail: a wrong shape or an undocumented status is caught.</summary>
public sealed class ResponseConformanceTests : HttpTest
{
    private static ResponseConformanceAttribute.Recorded GetGroup(
        int status,
        string body,
        string? etag = "\"1\""
    ) =>
        new(
            "GetGroup",
            "GET",
            "/api/v1/groups/x",
            status,
            status < 300 ? "application/json" : "application/problem+json",
            Encoding.UTF8.GetBytes(body),
            etag
        );

    [Test]
    public async Task Should_accept_what_the_api_answers_and_catch_what_the_document_does_not_say()
    {
        using var user = await ApiUsers.SignUpAsync();
        using var created = await user.HttpClient.PostAsync(
            "/api/v1/groups",
            new StringContent(
                """{"name":"Flat","defaultCurrency":"EUR","timeZone":"Europe/Berlin"}""",
                Encoding.UTF8,
                "application/json"
            )
        );
        var group = await created.Content.ReadAsStringAsync();
        using var read = await user.HttpClient.GetAsync(created.Headers.Location);
        var body = await read.Content.ReadAsStringAsync();

        ResponseConformanceAttribute.Check(GetGroup(200, body)).Should().BeNull();
        ResponseConformanceAttribute
            .Check(GetGroup(200, body, etag: null))
            .Should()
            .Contain("ETag is documented but was not sent");
        ResponseConformanceAttribute
            .Check(
                GetGroup(
                    200,
                    body.Replace("\"version\":1", "\"version\":\"1\"", StringComparison.Ordinal)
                )
            )
            .Should()
            .Contain("/version");
        ResponseConformanceAttribute
            .Check(GetGroup(200, """{"id":"x"}"""))
            .Should()
            .Contain("Required properties");
        ResponseConformanceAttribute.Check(GetGroup(418, "{}")).Should().Contain("not documented");
        ResponseConformanceAttribute
            .Check(GetGroup(404, """{"title":"Not found.","status":404}"""))
            .Should()
            .Contain("type");
        group.Should().Contain("\"version\":1");
    }
}
