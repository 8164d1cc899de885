using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.RecurringExpenses;

/// <summary>Recurring expenses over HTTP: the template, its preview, and versioned changes.</summary>
public sealed class RecurringExpenseEndpointsTests : HttpTest
{
    [Test]
    public async Task Should_create_a_monthly_expense_on_the_31st_and_preview_its_month_ends()
    {
        using var flat = await CreateAsync();

        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            Url(flat),
            Body(flat, "2030-01-31")
        );
        var body = await ReadAsync(created, HttpStatusCode.Created);
        using var preview = await flat.Ben.HttpClient.GetAsync(
            $"{created.Headers.Location!.OriginalString}/preview?count=4"
        );

        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        body.GetProperty("status").GetString().Should().Be("active");
        body.GetProperty("nextOccurrenceDate").GetString().Should().Be("2030-01-31");
        body.GetProperty("recurrence").GetProperty("frequency").GetString().Should().Be("monthly");
        (await ReadAsync(preview, HttpStatusCode.OK))
            .EnumerateArray()
            .Select(d => d.GetString())
            .Should()
            .Equal("2030-01-31", "2030-02-28", "2030-03-31", "2030-04-30");
    }

    [Test]
    public async Task Should_answer_412_to_a_stale_if_match_409_to_a_stale_body_version_and_428_without_either()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            Url(flat),
            Body(flat, "2030-01-31")
        );
        var url = created.Headers.Location!.OriginalString;
        var current = Body(flat, "2030-02-01");
        current["version"] = 1;
        using (var first = await flat.Ana.HttpClient.PutAsync(url, Json(current)))
        {
            await ReadAsync(first, HttpStatusCode.OK);
        }

        using var staleIfMatch = new HttpRequestMessage(HttpMethod.Post, $"{url}/pause");
        staleIfMatch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var preconditionFailed = await flat.Ana.HttpClient.SendAsync(staleIfMatch);
        using var conflict = await flat.Ana.HttpClient.PutAsync(url, Json(current));
        using var required = await flat.Ana.HttpClient.PutAsync(
            url,
            Json(Body(flat, "2030-03-01"))
        );

        (await ReadAsync(preconditionFailed, HttpStatusCode.PreconditionFailed))
            .GetProperty("currentVersion")
            .GetInt32()
            .Should()
            .Be(2);
        (await ReadAsync(conflict, HttpStatusCode.Conflict))
            .GetProperty("currentVersion")
            .GetInt32()
            .Should()
            .Be(2);
        await ReadAsync(required, (HttpStatusCode)428);
    }

    [Test]
    public async Task Should_pause_resume_and_end_and_refuse_a_member_changing_the_owners_template()
    {
        using var flat = await CreateAsync();
        using var created = await PostJsonAsync(
            flat.Ana.HttpClient,
            Url(flat),
            Body(flat, "2030-01-31")
        );
        var url = created.Headers.Location!.OriginalString;

        using var byBen = await PostJsonAsync(
            flat.Ben.HttpClient,
            $"{url}/pause",
            new JsonObject { ["version"] = 1 }
        );
        using var paused = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/pause",
            new JsonObject { ["version"] = 1 }
        );
        using var resumed = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/resume",
            new JsonObject { ["version"] = 2 }
        );
        using var ended = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/end",
            new JsonObject { ["version"] = 3 }
        );
        using var endedAgain = await PostJsonAsync(
            flat.Ana.HttpClient,
            $"{url}/end",
            new JsonObject { ["version"] = 4 }
        );

        byBen.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ReadAsync(paused, HttpStatusCode.OK))
            .GetProperty("status")
            .GetString()
            .Should()
            .Be("paused");
        (await ReadAsync(resumed, HttpStatusCode.OK))
            .GetProperty("status")
            .GetString()
            .Should()
            .Be("active");
        var end = await ReadAsync(ended, HttpStatusCode.OK);
        end.GetProperty("status").GetString().Should().Be("ended");
        end.GetProperty("nextOccurrenceDate")
            .ValueKind.Should()
            .Be(System.Text.Json.JsonValueKind.Null);
        (await ReadAsync(endedAgain, HttpStatusCode.Conflict))
            .GetProperty("code")
            .GetString()
            .Should()
            .Be("recurring-expense.ended");
    }

    [Test]
    public async Task Should_refuse_an_item_based_split_and_a_rule_with_an_end_date_and_a_count()
    {
        using var flat = await CreateAsync();
        var itemBased = Body(flat, "2030-01-31");
        itemBased["split"] = new JsonObject
        {
            ["type"] = "itemBased",
            ["items"] = new JsonArray(
                new JsonObject
                {
                    ["itemId"] = Guid.NewGuid().ToString(),
                    ["forUserId"] = flat.Ana.UserId.Value.ToString(),
                    ["price"] = "30.00",
                }
            ),
        };
        var bothEnds = Body(flat, "2030-01-31");
        bothEnds["recurrence"]!["until"] = "2031-01-01";
        bothEnds["recurrence"]!["maxOccurrences"] = 3;

        using var first = await PostJsonAsync(flat.Ana.HttpClient, Url(flat), itemBased);
        using var second = await PostJsonAsync(flat.Ana.HttpClient, Url(flat), bothEnds);

        first.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static string Url(Expenses.HttpFlat flat) =>
        $"/api/v1/groups/{flat.GroupId}/recurring-expenses";

    private static JsonObject Body(Expenses.HttpFlat flat, string start)
    {
        var body = flat.ExpenseBody("30.00");
        body.Remove("date");
        body["category"] = "utilities";
        body["recurrence"] = new JsonObject
        {
            ["frequency"] = "monthly",
            ["interval"] = 1,
            ["start"] = start,
        };
        return body;
    }

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
