using System.Net;
using AwesomeAssertions;
using Ledger.Domain.Recurrence;
using Ledger.WebApi.Demo;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.RecurringExpenses;

/// <summary>The recurring expenses <c>--seed-demo</c> gives the demo group for the worker to generate.</summary>
public sealed class DemoRecurringExpensesTests : HttpTest
{
    [Test]
    public async Task Should_seed_a_daily_expense_due_today_and_a_rent_on_the_31st_once()
    {
        using var flat = await CreateAsync();
        var seeded = await flat.SeedDemoAsync(DemoRecurringExpenses.SeedAsync);
        var again = await flat.SeedDemoAsync(DemoRecurringExpenses.SeedAsync);
        using var list = await flat.Ben.HttpClient.GetAsync(
            $"/api/v1/groups/{flat.GroupId}/recurring-expenses"
        );

        (seeded, again).Should().Be((true, false));
        var templates = (await ReadAsync(list, HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .ToList();
        var today = new GroupCalendar("Europe/Berlin").Today(DateTimeOffset.UtcNow);
        templates
            .Select(t => t.GetProperty("nextOccurrenceDate").GetString())
            .Should()
            .HaveCount(2)
            .And.Contain(
                today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            )
            .And.Contain(d => d!.EndsWith("-31", StringComparison.Ordinal));
    }
}
