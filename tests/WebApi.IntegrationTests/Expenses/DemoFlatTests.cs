using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.Demo;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.Expenses;

/// <summary>The demo month of a shared flat that <c>--seed-demo</c> adds for the demo users.</summary>
public sealed class DemoFlatTests : HttpTest
{
    [Test]
    public async Task Should_seed_a_month_with_every_split_type_several_payers_and_two_currencies_once()
    {
        var email = Pii.Email();
        var password = Pii.Password();
        var alice = await ApiUsers.RegisterAsync(email, password, Pii.Name());
        var bob = await ApiUsers.RegisterAsync(Pii.Email(), Pii.Password(), Pii.Name());

        var group = await DemoFlat.SeedAsync(
            ApiHost.Factory.Services,
            alice,
            bob,
            TimeProvider.System,
            CancellationToken.None
        );
        var again = await DemoFlat.SeedAsync(
            ApiHost.Factory.Services,
            alice,
            bob,
            TimeProvider.System,
            CancellationToken.None
        );

        again.Should().Be(group);
        (await ScalarAsync<long>("SELECT count(*) FROM groups")).Should().Be(1);
        (await ScalarAsync<long>("SELECT count(*) FROM expenses")).Should().Be(13);
        (await ScalarAsync<long>("SELECT count(*) FROM expenses WHERE voided_at IS NOT NULL"))
            .Should()
            .Be(1);
        (await ScalarAsync<long>("SELECT count(DISTINCT split_type) FROM expenses")).Should().Be(5);
        (await ScalarAsync<long>("SELECT count(DISTINCT currency) FROM expenses")).Should().Be(2);
        (await ScalarAsync<long>("SELECT count(DISTINCT user_id) FROM expense_payers"))
            .Should()
            .Be(2);
        (
            await ScalarAsync<long>(
                "SELECT max(c) FROM (SELECT count(*) AS c FROM expense_payers GROUP BY expense_id) p"
            )
        )
            .Should()
            .Be(2);

        using var signedIn = await ApiUsers.SignInAsync(email, password);
        using var consistency = await signedIn.HttpClient.GetAsync(
            $"/api/v1/groups/{group.Value}/balances/consistency"
        );
        using var balances = await signedIn.HttpClient.GetAsync(
            $"/api/v1/groups/{group.Value}/balances"
        );
        (await ReadAsync(consistency, HttpStatusCode.OK))
            .GetProperty("isConsistent")
            .GetBoolean()
            .Should()
            .BeTrue();
        (await ReadAsync(balances, HttpStatusCode.OK))
            .GetProperty("currencies")
            .EnumerateArray()
            .Select(c => c.GetProperty("currency").GetString())
            .Should()
            .Equal("CHF", "EUR");
    }

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
