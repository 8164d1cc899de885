using System.Net;
using System.Text;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Support;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// Issue 20 item 13: answers the server makes without an endpoint's help (a wrong method, a
/// wrong media type, a body or URL too long) are problem details like every other error, and
/// the admin and ops operations are documented only in the admin document, served to admins.
/// </summary>
public sealed class HttpErrorShapeTests : HttpTest
{
    [Test]
    public async Task Should_answer_405_415_413_and_414_as_problem_details()
    {
        using var user = await ApiUsers.SignUpAsync();
        var client = user.HttpClient;

        using var wrongMethod = await client.PatchAsync(
            "/api/v1/groups",
            new StringContent("{}", Encoding.UTF8, "application/json")
        );
        using var wrongType = await client.PostAsync(
            "/api/v1/groups",
            new StringContent("name=x", Encoding.UTF8, "text/plain")
        );
        using var tooLarge = await client.PostAsync(
            "/api/v1/groups",
            new StringContent(
                "{\"name\":\"" + new string('x', 300_000) + "\"}",
                Encoding.UTF8,
                "application/json"
            )
        );
        using var tooLong = await client.GetAsync("/api/v1/groups?cursor=" + new string('a', 9000));

        foreach (
            var (expected, response) in new[]
            {
                (405, wrongMethod),
                (415, wrongType),
                (413, tooLarge),
                (414, tooLong),
            }
        )
        {
            ((int)response.StatusCode).Should().Be(expected);
            response
                .Content.Headers.ContentType?.MediaType.Should()
                .Be("application/problem+json", $"{expected}");
            (await response.Content.ReadAsStringAsync()).Should().Contain($"\"status\":{expected}");
        }
    }

    [Test]
    public async Task Should_serve_the_admin_document_to_admins_only()
    {
        using var anonymous = ApiUsers.AnonymousClient();
        using var user = await ApiUsers.SignUpAsync();
        using var admin = await ApiPartners.SignUpAdminAsync();

        using var publicDocument = await anonymous.GetAsync("/openapi/v1.json");
        using var asAnonymous = await anonymous.GetAsync("/openapi/admin.json");
        using var asUser = await user.HttpClient.GetAsync("/openapi/admin.json");
        using var asAdmin = await admin.HttpClient.GetAsync("/openapi/admin.json");

        var text = await publicDocument.Content.ReadAsStringAsync();
        text.Should().NotContain("/api/v1/admin/").And.NotContain("/api/v1/ops/");
        asAnonymous.StatusCode.Should().Be(HttpStatusCode.NotFound);
        asUser.StatusCode.Should().Be(HttpStatusCode.NotFound);
        asAdmin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asAdmin.Content.ReadAsStringAsync())
            .Should()
            .Contain("/api/v1/ops/jobs")
            .And.Contain("/api/v1/admin/clients");
    }
}
