using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;
using NpgsqlTypes;

// ledger-floor serve CONNECTION STATEMENTS.json URL
//   The floor of issue 14: a bare endpoint. Kestrel with one terminal request delegate (no
//   routing, authentication, MVC, logging or any other middleware) that, for every HTTP request
//   whatever its method, path and headers, replays the statements one request of the API sent
//   (captured from the server log by ./build.sh bench) and answers 200 with a small body; 500
//   when a statement fails. Stops on SIGTERM or Ctrl-C.
// ledger-floor CONNECTION STATEMENTS.json CONNECTIONS SECONDS WARMUP_SECONDS
//   The same replay with no HTTP at all, on CONNECTIONS pooled connections for SECONDS. Prints
//   "floor: <tps> <errors>".
// In both, each statement is its own round trip with its captured parameters sent untyped, as the
// API's were inferred; values listed as "fresh" (ids the request created) get new values each time.
if (args is ["serve", var connectionString, var file, var url])
{
    return await ServeAsync(connectionString, Load(file), url);
}

if (args.Length != 5)
{
    Console.Error.WriteLine(
        "usage: ledger-floor serve CONNECTION STATEMENTS.json URL\n"
            + "       ledger-floor CONNECTION STATEMENTS.json CONNECTIONS SECONDS WARMUP_SECONDS"
    );
    return 2;
}

return await ReplayAsync(
    args[0],
    Load(args[1]),
    int.Parse(args[2], CultureInfo.InvariantCulture),
    double.Parse(args[3], CultureInfo.InvariantCulture),
    double.Parse(args[4], CultureInfo.InvariantCulture)
);

static Replay Load(string file) =>
    JsonSerializer.Deserialize<Replay>(
        File.ReadAllText(file),
        new JsonSerializerOptions(JsonSerializerDefaults.Web)
    ) ?? throw new InvalidOperationException("No statements.");

static async Task<int> ServeAsync(string connectionString, Replay replay, string url)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    // The empty builder: Kestrel alone (HTTP/1.1 and 2, no HTTPS), no configuration sources,
    // no logging providers, no middleware but the one delegate below.
    var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
    builder.WebHost.UseKestrelCore().UseUrls(url);
    await using var app = builder.Build();
    var ok = "ok\n"u8.ToArray();
    var failed = 0L;
    app.Run(async context =>
    {
        // The body is read to its end, as the API's model binding does.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        try
        {
            await OnceAsync(dataSource, replay);
        }
        catch (PostgresException failure)
        {
            if (Interlocked.Increment(ref failed) == 1)
            {
                Console.Error.WriteLine($"floor: {failure.SqlState} {failure.MessageText}");
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain";
        context.Response.ContentLength = ok.Length;
        await context.Response.Body.WriteAsync(ok, context.RequestAborted);
    });
    await app.StartAsync();
    Console.WriteLine($"floor: listening on {url}");
    await app.WaitForShutdownAsync();
    return 0;
}

static async Task<int> ReplayAsync(
    string connectionString,
    Replay replay,
    int connections,
    double seconds,
    double warmup
)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
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
                            Console.Error.WriteLine(
                                $"floor: {failure.SqlState} {failure.MessageText}"
                            );
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
        FormattableString.Invariant(
            $"floor: {measured / elapsed:F1} {Interlocked.Read(ref errors)}"
        )
    );
    return 0;
}

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
