using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Lists;

/// <summary>Small helpers for the list and chore HTTP tests.</summary>
internal static class HouseholdHttp
{
    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Sends and expects success; the body of a failure is in the exception.</summary>
    public static async Task<JsonElement> SendOkAsync(
        HttpClient client,
        HttpMethod method,
        string url,
        object? body = null
    )
    {
        using var response = await SendAsync(client, method, url, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
            );
        }

        return await JsonOf(response);
    }

    public static Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpMethod method,
        string url,
        object? body = null,
        string? ifMatch = null
    )
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }

    /// <summary>
    /// Races requests on one row deterministically: a transaction of the test holds the row
    /// while the requests start and lets go only once every one of them waits on its lock, so
    /// all of them have read the same version before any writes.
    /// </summary>
    public static async Task<HttpResponseMessage[]> RaceOnRowAsync(
        string lockSql,
        Guid rowId,
        int requests,
        Func<int, Task<HttpResponseMessage>> send
    )
    {
        await using var blocker = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(lockSql, blocker))
        {
            lockRow.Parameters.AddWithValue("id", rowId);
            await lockRow.ExecuteNonQueryAsync();
        }

        var race = Task.WhenAll(
            Enumerable
                .Range(0, requests)
                .Select(async i =>
                {
                    await Task.Yield();
                    return await send(i);
                })
        );
        await using (var observer = new NpgsqlConnection(ApiHost.Database.ConnectionString))
        {
            await observer.OpenAsync();
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                observer
            );
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((long)(await waiting.ExecuteScalarAsync())! < requests)
            {
                if (race.IsCompleted || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        "The requests did not all queue on the row's lock; the race proves nothing."
                    );
                }

                await Task.Delay(20);
            }
        }

        await transaction.CommitAsync();
        return await race;
    }
}
