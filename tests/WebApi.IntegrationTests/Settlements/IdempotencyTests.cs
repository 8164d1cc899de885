using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Expenses;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;
using static Ledger.WebApi.IntegrationTests.Settlements.SettlementHttp;

namespace Ledger.WebApi.IntegrationTests.Settlements;

/// <summary>
/// R9 and PRODUCT.md section 4: POSTs that create money records honour an Idempotency-Key,
/// scoped to the caller and kept in PostgreSQL with the record.
/// </summary>
public sealed class IdempotencyTests
{
    [Test]
    public async Task Should_record_once_when_50_requests_race_with_one_key_and_replay_the_same_bytes()
    {
        using var flat = await CreateAsync();
        await flat.AnaPaidAsync("100.00");
        var key = Guid.NewGuid().ToString();
        var start = new TaskCompletionSource();

        var racers = Enumerable
            .Range(0, 50)
            .Select(async _ =>
            {
                await start.Task;
                using var response = await PostWithKeyAsync(
                    flat.Ana.HttpClient,
                    flat.Settlements(),
                    flat.BenPaysAna("5.00"),
                    key
                );
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })
            .ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToArray();
        created.Should().NotBeEmpty();
        created.Select(a => a.Body).Distinct().Should().ContainSingle();
        answers
            .Where(a => a.StatusCode != HttpStatusCode.Created)
            .Should()
            .OnlyContain(a => a.StatusCode == HttpStatusCode.Conflict);
        using var list = await flat.Ben.HttpClient.GetAsync(flat.Settlements());
        (await ReadAsync(list, HttpStatusCode.OK))
            .GetProperty("items")
            .GetArrayLength()
            .Should()
            .Be(1);

        for (var replay = 0; replay < 2; replay++)
        {
            using var again = await PostWithKeyAsync(
                flat.Ana.HttpClient,
                flat.Settlements(),
                flat.BenPaysAna("5.00"),
                key
            );
            again.StatusCode.Should().Be(HttpStatusCode.Created);
            again.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
            (await again.Content.ReadAsStringAsync()).Should().Be(created[0].Body);
        }
    }

    [Test]
    public async Task Should_answer_422_for_the_same_key_with_another_body()
    {
        using var flat = await CreateAsync();
        await flat.AnaPaidAsync("100.00");
        var key = Guid.NewGuid().ToString();
        using var first = await PostWithKeyAsync(
            flat.Ana.HttpClient,
            flat.Settlements(),
            flat.BenPaysAna("5.00"),
            key
        );
        first.StatusCode.Should().Be(HttpStatusCode.Created);

        using var other = await PostWithKeyAsync(
            flat.Ana.HttpClient,
            flat.Settlements(),
            flat.BenPaysAna("6.00"),
            key
        );

        other.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Should_scope_keys_to_the_caller_and_record_expenses_and_split_payments_once()
    {
        using var flat = await CreateAsync();
        var key = Guid.NewGuid().ToString();
        var body = flat.ExpenseBody("20.00");
        using var expense = await PostWithKeyAsync(flat.Ana.HttpClient, flat.Expenses, body, key);
        var recorded = await ReadAsync(expense, HttpStatusCode.Created);
        using var replayed = await PostWithKeyAsync(flat.Ana.HttpClient, flat.Expenses, body, key);
        replayed.StatusCode.Should().Be(HttpStatusCode.Created);
        replayed.Headers.Contains("Idempotent-Replayed").Should().BeTrue();

        var benSplit = recorded
            .GetProperty("splits")
            .EnumerateArray()
            .Single(s => s.GetProperty("userId").GetGuid() == flat.Ben.UserId.Value)
            .GetProperty("id")
            .GetString()!;
        // Ben's own key, equal to Ana's: another caller's key space.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var paid = await PostWithKeyAsync(
                flat.Ben.HttpClient,
                flat.Payments(recorded, benSplit),
                new JsonObject { ["amount"] = "4.00" },
                key
            );
            paid.StatusCode.Should().Be(HttpStatusCode.Created);
            paid.Headers.Contains("Idempotent-Replayed").Should().Be(attempt == 1);
        }

        using var balances = await flat.Ben.HttpClient.GetAsync(flat.Balances);
        (await ReadAsync(balances, HttpStatusCode.OK))
            .GetProperty("currencies")[0]
            .GetProperty("members")
            .EnumerateArray()
            .Single(m => m.GetProperty("userId").GetGuid() == flat.Ben.UserId.Value)
            .GetProperty("net")
            .GetString()
            .Should()
            .Be("-6.00");
    }

    [TestCase("with space")]
    [TestCase("ключ")]
    public async Task Should_refuse_a_malformed_key(string key)
    {
        using var flat = await CreateAsync();
        using var response = await PostWithKeyAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody("20.00"),
            key
        );
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_refuse_an_overlong_key()
    {
        using var flat = await CreateAsync();
        using var response = await PostWithKeyAsync(
            flat.Ana.HttpClient,
            flat.Expenses,
            flat.ExpenseBody("20.00"),
            new string('k', 256)
        );
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
