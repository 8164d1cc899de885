using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Accounts;

/// <summary>Reads and writes rows straight in the test database, to compare before and after.</summary>
internal static class AccountRows
{
    /// <summary>Each row of the query as its JSON text, in a stable order.</summary>
    public static async Task<List<string>> JsonAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT row_to_json(t)::text FROM ({sql}) t ORDER BY 1",
            connection
        );
        command.Parameters.AddWithValue("id", id);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Sets a maintained balance as the money use cases would leave it.</summary>
    public static async Task SetBalanceAsync(Guid groupId, Guid userId, long netMinorUnits)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO member_balances (group_id, user_id, currency, net_minor_units)
            VALUES (@group, @user, 'EUR', @net)
            ON CONFLICT (group_id, user_id, currency) DO UPDATE SET net_minor_units = @net
            """,
            connection
        );
        command.Parameters.AddWithValue("group", groupId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("net", netMinorUnits);
        await command.ExecuteNonQueryAsync();
    }
}
