using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Security;

/// <summary>
/// Issue 20 item 12: NUL (PostgreSQL 22021, a 500 before) and the other control characters are
/// refused as 400 problems wherever text comes in (bodies, query strings, paths, forms); line
/// breaks only in multi-line fields; names are stored in Unicode NFC; and a PostgreSQL data
/// exception that gets past all that is a 400, never a 500.
/// </summary>
public sealed class TextInputTests : HttpTest
{
    [Test]
    public async Task Should_refuse_control_characters_in_every_kind_of_input_and_allow_line_breaks_only_in_multi_line_text()
    {
        using var flat = await CreateAsync();
        var client = flat.Ana.HttpClient;
        var nulName = await client.PostAsync(
            "/api/v1/groups",
            Raw(
                "{\"name\":\""
                    + Pii.Name("Flat")
                    + "\\u0000\",\"defaultCurrency\":\"EUR\",\"timeZone\":\"Europe/Berlin\"}"
            )
        );
        var newlineName = await client.PostAsync(
            "/api/v1/groups",
            Raw(
                "{\"name\":\""
                    + Pii.Name("Fl")
                    + "\\nat\",\"defaultCurrency\":\"EUR\",\"timeZone\":\"Europe/Berlin\"}"
            )
        );
        var escName = await client.PostAsJsonAsync(
            "/api/v1/lists",
            new { name = Pii.Name("List") + "\u001b[31m" }
        );
        var nulDisplayName = await client.PatchAsync(
            "/api/v1/me",
            Raw("{\"displayName\":\"" + Pii.Name("Ana") + "\\u0000\"}")
        );
        var nulItem = flat.ExpenseBody();
        nulItem["description"] = Pii.Text("rent") + "\u0000";
        var nulDescription = await PostJsonAsync(client, flat.Expenses, nulItem);
        var nulQuery = await client.GetAsync($"{flat.Expenses}?text=a%00b");
        var delQuery = await client.GetAsync($"{flat.Expenses}?text=a%7Fb");
        var nulPath = await client.GetAsync($"/api/v1/groups/{flat.GroupId}/members/%01");
        var nulForm = await ApiUsers
            .AnonymousClient()
            .PostAsync(
                "/account/login",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["email"] = Pii.Email().Replace("@", "\u0000@", StringComparison.Ordinal),
                        ["password"] = "x",
                    }
                )
            );

        foreach (
            var (what, response) in new[]
            {
                ("NUL in a name", nulName),
                ("a line break in a name", newlineName),
                ("an escape in a list name", escName),
                ("NUL in a display name", nulDisplayName),
                ("NUL in a description", nulDescription),
                ("NUL in a query", nulQuery),
                ("DEL in a query", delQuery),
                ("a control character in a path", nulPath),
                ("NUL in a form", nulForm),
            }
        )
        {
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().Be(400, $"{what}: {text}");
            response
                .Content.Headers.ContentType!.MediaType.Should()
                .Be("application/problem+json", what);
            response.Dispose();
        }

        var multiLine = flat.ExpenseBody();
        var multiLineText = Pii.Text("rent") + "\r\n\tand heating";
        multiLine["description"] = multiLineText;
        using var created = await PostJsonAsync(client, flat.Expenses, multiLine);
        (await ReadAsync(created, HttpStatusCode.Created))
            .GetProperty("description")
            .GetString()
            .Should()
            .Be(multiLineText);
    }

    [Test]
    public async Task Should_store_names_in_unicode_nfc()
    {
        using var user = await ApiUsers.SignUpAsync();
        var decomposed = "Cafe\u0301 " + Pii.Name("Flat");

        using var created = await user.HttpClient.PostAsJsonAsync(
            "/api/v1/groups",
            new
            {
                name = decomposed,
                defaultCurrency = "EUR",
                timeZone = "Europe/Berlin",
            }
        );

        var name = (await ReadAsync(created, HttpStatusCode.Created))
            .GetProperty("name")
            .GetString();
        name.Should().Be(decomposed.Normalize(NormalizationForm.FormC));
        name.Should().StartWith("Caf\u00e9 ");
    }

    [Test]
    public async Task Should_answer_a_postgresql_data_exception_with_a_400_problem()
    {
        PostgresException dataException;
        await using (var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 'x'::int", connection);
            dataException = (
                await FluentActions
                    .Awaiting(() => command.ExecuteScalarAsync())
                    .Should()
                    .ThrowAsync<PostgresException>()
            ).Which;
        }

        dataException.SqlState.Should().StartWith("22");
        await using var scope = ApiHost.Factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var handled = false;
        foreach (var handler in scope.ServiceProvider.GetServices<IExceptionHandler>())
        {
            handled |= await handler.TryHandleAsync(
                context,
                new DbUpdateException("An error occurred while saving.", dataException),
                CancellationToken.None
            );
        }

        handled.Should().BeTrue();
        context.Response.StatusCode.Should().Be(400);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(400);
        problem.RootElement.GetRawText().Should().NotContain("22P02").And.NotContain("integer");
    }

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");
}
