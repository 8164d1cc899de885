using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

// ledger-floor CONNECTION STATEMENTS.json CONNECTIONS SECONDS WARMUP_SECONDS
// Replays the statements one request of the API sent (captured from the server log by
// ./build.sh bench) on CONNECTIONS pooled connections for SECONDS, each statement its own round
// trip with its captured parameters sent untyped, as the API's were inferred. Values listed as
// "fresh" (ids the request created) get new values each time. Prints "floor: <tps> <errors>".
if (args.Length != 5)
{
    Console.Error.WriteLine(
        "usage: ledger-floor CONNECTION STATEMENTS.json CONNECTIONS SECONDS WARMUP_SECONDS"
    );
    return 2;
}

var replay =
    JsonSerializer.Deserialize<Replay>(
        File.ReadAllText(args[1]),
        new JsonSerializerOptions(JsonSerializerDefaults.Web)
    ) ?? throw new InvalidOperationException("No statements.");
var connections = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var seconds = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var warmup = double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
await using var dataSource = NpgsqlDataSource.Create(args[0]);

long done = 0;
long errors = 0;
var measuring = false;
using var stop = new CancellationTokenSource();
var workers = Enumerable
    .Range(0, connections)
    .Select(_ =>
        Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await OnceAsync(dataSource, replay);
                    if (Volatile.Read(ref measuring))
                    {
                        Interlocked.Increment(ref done);
                    }
                }
                catch (PostgresException failure)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.Error.WriteLine($"floor: {failure.SqlState} {failure.MessageText}");
                    }
                }
            }
        })
    )
    .ToList();
await Task.Delay(TimeSpan.FromSeconds(warmup));
Volatile.Write(ref measuring, true);
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
Volatile.Write(ref measuring, false);
var measured = Interlocked.Read(ref done);
var elapsed = clock.Elapsed.TotalSeconds;
stop.Cancel();
await Task.WhenAll(workers);
Console.WriteLine(
    FormattableString.Invariant($"floor: {measured / elapsed:F1} {Interlocked.Read(ref errors)}")
);
return 0;

static async Task OnceAsync(NpgsqlDataSource dataSource, Replay replay)
{
    var fresh = replay.Fresh.ToDictionary(
        value => value,
        _ => Guid.NewGuid().ToString(),
        StringComparer.Ordinal
    );
    await using var connection = await dataSource.OpenConnectionAsync();
    foreach (var statement in replay.Statements)
    {
        await using var command = new NpgsqlCommand(statement.Sql, connection);
        foreach (var value in statement.Parameters)
        {
            command.Parameters.Add(
                new NpgsqlParameter
                {
                    NpgsqlDbType = NpgsqlDbType.Unknown,
                    Value = value is null ? DBNull.Value : fresh.GetValueOrDefault(value, value),
                }
            );
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }
}

internal sealed record Replay(IReadOnlyList<Statement> Statements, IReadOnlyList<string> Fresh);

internal sealed record Statement(string Sql, IReadOnlyList<string?> Parameters);
