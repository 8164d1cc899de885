using System.Net;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Expenses;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.DataTransfer;

/// <summary>
/// Splitwise import through the real pipeline and PostgreSQL: the dry run answers and writes
/// nothing, a file with bad lines changes nothing and names them, a good file lands in one
/// transaction with exact amounts, and importing it again creates nothing twice.
/// </summary>
public sealed class GroupImportTests : HttpTest
{
    private const string Good = """
        Date,Description,Category,Cost,Currency,Ana,Ben
        2026-03-01,Groceries,Groceries,30.00,EUR,15.00,-15.00
        2026-03-02,Rent,Rent,1000.00,EUR,-500.00,500.00
        2026-03-03,Dinner,Dining out,45.00,EUR,-20.00,20.00
        2026-03-04,Payment,Payment,5.00,EUR,5.00,-5.00
        ,Total balance,,,EUR,-500.00,500.00

        """;

    private const string Bad = """
        Date,Description,Category,Cost,Currency,Ana,Ben
        2026-03-01,Groceries,Groceries,30.00,EUR,15.00,-15.00
        03/02/2026,Rent,Rent,1000.00,EUR,-500.00,500.00
        2026-03-03,Dinner,Dining out,45.00,EUR,-20.00,19.99
        2026-03-04,Taxi,Taxi,abc,EUR,5.00,-5.00

        """;

    [Test]
    public async Task Should_answer_a_dry_run_without_writing_and_import_once_in_one_go()
    {
        using var flat = await HttpFlat.CreateAsync();
        var people = People(flat);

        using var dry = await flat.ImportAsync("splitwise", Good, people, dryRun: true);
        var preview = await ReadAsync(dry, HttpStatusCode.OK);
        preview.GetProperty("dryRun").GetBoolean().Should().BeTrue();
        preview.GetProperty("created").GetInt32().Should().Be(4);
        preview.GetProperty("skipped").GetArrayLength().Should().Be(1);
        (await flat.ExpenseCountAsync()).Should().Be(0);
        (await flat.BalancesAsync()).Should().BeEmpty();

        using var real = await flat.ImportAsync("splitwise", Good, people, key: "import-1");
        var result = await ReadAsync(real, HttpStatusCode.OK);
        result.GetProperty("created").GetInt32().Should().Be(4);
        var balances = await flat.BalancesAsync();
        balances[flat.Ana.UserId.Value].Should().Equal("EUR:-500.00");
        balances[flat.Ben.UserId.Value].Should().Equal("EUR:500.00");

        // The same key replays the first answer; the same file without it creates nothing twice.
        using var replay = await flat.ImportAsync("splitwise", Good, people, key: "import-1");
        (await ReadAsync(replay, HttpStatusCode.OK))
            .GetProperty("created")
            .GetInt32()
            .Should()
            .Be(4);
        replay.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        using var again = await flat.ImportAsync("splitwise", Good, people);
        var second = await ReadAsync(again, HttpStatusCode.OK);
        second.GetProperty("created").GetInt32().Should().Be(0);
        second.GetProperty("alreadyImported").GetInt32().Should().Be(4);
        (await flat.ExpenseCountAsync()).Should().Be(4);
        (await flat.BalancesAsync()).Should().BeEquivalentTo(balances);
    }

    [Test]
    public async Task Should_name_every_bad_line_in_the_dry_run_and_change_nothing_in_the_real_run()
    {
        using var flat = await HttpFlat.CreateAsync();
        var people = People(flat);

        using var dry = await flat.ImportAsync("splitwise", Bad, people, dryRun: true);
        var preview = await ReadAsync(dry, HttpStatusCode.OK);
        var problems = preview
            .GetProperty("problems")
            .EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString()))
            .ToList();
        problems.Should().BeEquivalentTo([(3, "A (Date)"), (4, (string?)null), (5, "D (Cost)")]);

        using var real = await flat.ImportAsync("splitwise", Bad, people);
        var problem = await ReadAsync(real, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        errors.Should().BeEquivalentTo(["line 3, A (Date)", "line 4", "line 5, D (Cost)"]);
        problem
            .GetProperty("errors")
            .GetProperty("line 4")[0]
            .GetString()
            .Should()
            .Contain("-0.01");
        (await flat.ExpenseCountAsync()).Should().Be(0);
        (await flat.BalancesAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Should_refuse_unmapped_people_and_members_who_are_not_owners()
    {
        using var flat = await HttpFlat.CreateAsync();

        using var unmapped = await flat.ImportAsync(
            "splitwise",
            Good,
            new Dictionary<string, Guid> { ["Ana"] = flat.Ana.UserId.Value }
        );
        var problem = await ReadAsync(unmapped, HttpStatusCode.BadRequest);
        problem
            .GetProperty("errors")
            .EnumerateObject()
            .Select(e => e.Name)
            .Should()
            .Contain("line 1, G");

        using var byMember = await flat.ImportAsync(
            "splitwise",
            Good,
            People(flat),
            caller: flat.Ben
        );
        byMember.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await flat.ExpenseCountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Should_create_nothing_twice_when_two_imports_of_one_file_race()
    {
        using var flat = await HttpFlat.CreateAsync();
        var people = People(flat);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(_ => flat.ImportAsync("splitwise", Good, people))
        );

        // The import id's unique index decides: every race loser rolls back whole (409) or finds
        // the rows already there; either way each line exists once.
        responses
            .Select(r => r.StatusCode)
            .Should()
            .OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict)
            .And.Contain(HttpStatusCode.OK);
        (await flat.ExpenseCountAsync()).Should().Be(4);
        (await flat.BalancesAsync())[flat.Ben.UserId.Value].Should().Equal("EUR:500.00");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Should_refuse_a_file_over_the_row_limit()
    {
        using var flat = await HttpFlat.CreateAsync();
        var rows = string.Concat(
            Enumerable.Repeat("2026-03-01,Milk,Groceries,2.00,EUR,1.00,-1.00\n", 5001)
        );

        using var dry = await flat.ImportAsync(
            "splitwise",
            "Date,Description,Category,Cost,Currency,Ana,Ben\n" + rows,
            People(flat),
            dryRun: true
        );

        var preview = await ReadAsync(dry, HttpStatusCode.OK);
        preview
            .GetProperty("problems")
            .EnumerateArray()
            .Should()
            .Contain(p => p.GetProperty("message").GetString()!.Contains("at most 5000 rows"));
    }

    private static Dictionary<string, Guid> People(HttpFlat flat) =>
        new() { ["Ana"] = flat.Ana.UserId.Value, ["Ben"] = flat.Ben.UserId.Value };
}
