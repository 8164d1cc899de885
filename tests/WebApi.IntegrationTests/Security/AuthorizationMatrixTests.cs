using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// R4 and audit 003 #4: every operation the API documents, called by every kind of caller on
/// real data, answers as the policy says. An operation without a row fails the run, so a new
/// endpoint cannot ship without a decision about who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests : HttpTest
{
    [Test]
    public async Task Should_have_a_row_for_every_documented_operation_and_no_stale_rows()
    {
        var documented = await DocumentedOperationsAsync();
        var rows = AuthorizationMatrixRows.All.Select(r => r.Operation).ToList();

        documented
            .Except(rows)
            .Should()
            .BeEmpty("every operation needs a row in AuthorizationMatrixRows");
        rows.Except(documented).Should().BeEmpty("rows must name operations the API documents");
        rows.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Should_let_through_exactly_the_callers_the_policy_allows()
    {
        var users = await MatrixUsers.SignUpAsync();
        var violations = new List<string>();

        var callers = Enum.GetValues<Caller>();
        foreach (var row in AuthorizationMatrixRows.All)
        {
            // Each call gets a fresh group of its own. Those groups are made side by side (a
            // scenario touches only its own group and grants): making them is most of the
            // matrix's time. The rows' preparations and calls stay one after another.
            var made = row.EndsCallersAccounts
                ? null
                : await Task.WhenAll(callers.Select(c => MatrixScenario.CreateAsync(users, c)));
            for (var i = 0; i < callers.Length; i++)
            {
                var caller = callers[i];
                if (row.EndsCallersAccounts)
                {
                    // Each caller deletes their own account: every call gets live users.
                    users = await users.WithFreshPeopleAsync();
                }

                var scenario = made?[i] ?? await MatrixScenario.CreateAsync(users, caller);
                if (row.Prepare is not null)
                {
                    await row.Prepare(scenario);
                }

                using var response = await SendAsync(scenario, row, caller);
                var verdict = Judge(row, caller, response.StatusCode);
                if (verdict is not null)
                {
                    violations.Add(
                        $"{row.Operation} as {caller}: {verdict} ({await response.Content.ReadAsStringAsync()})"
                    );
                }
            }
        }

        users.Dispose();
        violations.Should().BeEmpty();
    }

    /// <summary>Null when the answer fits the policy, else what is wrong with it.</summary>
    private static string? Judge(MatrixRow row, Caller caller, HttpStatusCode status)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return $"server error {code}";
        }

        if (row.Allowed.Contains(caller))
        {
            return code is 401 or 403 or 404 ? $"refused with {code} although allowed" : null;
        }

        // Only those who can read the group hear "forbidden"; everyone else hears "not found",
        // and so does everyone refused an operation that does not reveal itself (the admin API,
        // anything a partner may not do).
        var expected = caller switch
        {
            Caller.Anonymous => 401,
            Caller.Member or Caller.Owner when !row.Hidden => 403,
            _ => 404,
        };
        return code == expected ? null : $"expected {expected}, got {code}";
    }

    private static Task<HttpResponseMessage> SendAsync(
        MatrixScenario scenario,
        MatrixRow row,
        Caller caller
    )
    {
        var (method, template) = Split(row.Operation);
        var request = new HttpRequestMessage(new HttpMethod(method), scenario.PathFor(template));
        if (row.Body is not null)
        {
            var body = row.Body(scenario);
            // Multipart rows (receipt uploads) bring their own content.
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        if (row.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", row.IfMatch);
        }

        return scenario.ClientFor(caller).SendAsync(request);
    }

    private static (string Method, string Template) Split(string operation)
    {
        var space = operation.IndexOf(' ', StringComparison.Ordinal);
        return (operation[..space], operation[(space + 1)..]);
    }

    /// <summary>
    /// The operations of the public document and of the admin document (served to platform
    /// admins only; the admin and ops operations are listed there and nowhere else).
    /// </summary>
    internal static async Task<List<string>> DocumentedOperationsAsync()
    {
        using var client = ApiHost.Factory.CreateClient();
        using var admin = await Support.ApiPartners.SignUpAdminAsync();
        var public_ = Operations(await client.GetStringAsync("/openapi/v1.json"));
        var adminOnly = Operations(await admin.HttpClient.GetStringAsync("/openapi/admin.json"));
        public_
            .Should()
            .NotContain(o => o.Contains("/admin/") || o.Contains("/ops/"))
            .And.NotBeEmpty();
        adminOnly
            .Should()
            .NotBeEmpty()
            .And.OnlyContain(o => o.Contains("/admin/") || o.Contains("/ops/"));
        return [.. public_, .. adminOnly];
    }

    private static List<string> Operations(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document
            .RootElement.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path =>
                path.Value.EnumerateObject()
                    .Where(operation =>
                        operation.Name is "get" or "post" or "put" or "patch" or "delete"
                    )
                    .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}")
            )
            .ToList();
    }
}
