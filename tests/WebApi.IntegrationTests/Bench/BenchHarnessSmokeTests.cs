using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Observability;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Bench;

/// <summary>
/// Issue 14: "one test runs the harness for a second per scenario so it cannot rot". The API as
/// `./build.sh bench` runs it (its own process on a real port, the limits raised through
/// configuration), two users in one group, then wrk with bench/wrk/ledger.lua for one second on
/// each request kind of the bench; then the floor (bench/Floor): its bare endpoint under the same
/// wrk command for one second and, at the same time, its raw replay for one second. Asserts that
/// each ran requests and that every answer was a 2xx with no socket error; it measures nothing
/// (benchmarks never decide a pass or a fail).
/// </summary>
[NonParallelizable]
public sealed partial class BenchHarnessSmokeTests : HttpTest
{
    [Test]
    public async Task Should_run_every_wrk_scenario_and_the_floor_for_a_second_without_errors()
    {
        var root = TestEnvironment.RepositoryRoot();
        using var payer = await ApiUsers.SignUpAsync();
        using var member = await ApiUsers.SignUpAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Ledger"] = ApiHost.Database.ConnectionString,
            ["ConnectionStrings__Redis"] = TestEnvironment.RedisConnectionString,
            ["Auth__WebClient__ClientId"] = TestOAuthClient.ClientId,
            ["Auth__WebClient__RedirectUris__0"] = TestOAuthClient.RedirectUri,
            // Information stays on: ApiProcess reads the "Now listening on" line for the port.
        };
        foreach (var policy in new[] { "default", "auth", "expensive", "partner" })
        {
            settings[$"RateLimiting__Policies__{policy}__PermitLimit"] = "1000000000";
        }

        await using var api = await ApiProcess.StartAsync("Testing", settings);
        var payerToken = await SignInAsync(api.Address, payer);
        var memberToken = await SignInAsync(api.Address, member);
        using var http = new HttpClient { BaseAddress = api.Address };

        var group = await PostAsync(
            http,
            payerToken,
            "/api/v1/groups",
            new
            {
                name = "Bench smoke",
                defaultCurrency = "EUR",
                timeZone = "Europe/Berlin",
            }
        );
        var groupId = group.GetProperty("id").GetString()!;
        // The second member by SQL, as the bench seeds its groups.
        await using (var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO memberships (id, group_id, user_id, role, joined_at, removed) VALUES (gen_random_uuid(), @g, @u, 'Member', now(), false)",
                connection
            );
            insert.Parameters.AddWithValue("g", Guid.Parse(groupId));
            insert.Parameters.AddWithValue("u", member.UserId.Value);
            await insert.ExecuteNonQueryAsync();
        }

        var members = new[] { payer.UserId.Value, member.UserId.Value };
        var expenseBody = JsonSerializer.Serialize(
            new
            {
                description = "Bench groceries",
                category = "groceries",
                currency = "EUR",
                total = "12.50",
                date = "2026-03-01",
                payers = new[] { new { userId = payer.UserId.Value, amount = "12.50" } },
                split = new { type = "equal", members },
            }
        );
        var expense = await PostAsync(
            http,
            payerToken,
            $"/api/v1/groups/{groupId}/expenses",
            JsonDocument.Parse(expenseBody).RootElement
        );
        var expenseId = expense.GetProperty("id").GetString()!;
        var splitId = expense
            .GetProperty("splits")
            .EnumerateArray()
            .First(s => s.GetProperty("userId").GetString() == member.UserId.Value.ToString())
            .GetProperty("id")
            .GetString()!;

        var g = $"/api/v1/groups/{groupId}";
        (string Name, string Method, string Token, string Path, string Body)[] scenarios =
        [
            ("health, no token", "GET", "", "/health", ""),
            ("health with a token", "GET", payerToken, "/health", ""),
            ("me", "GET", payerToken, "/api/v1/me", ""),
            ("create expense", "POST", payerToken, $"{g}/expenses", expenseBody),
            ("balances", "GET", payerToken, $"{g}/balances", ""),
            ("list expenses", "GET", payerToken, $"{g}/expenses", ""),
            ("one expense", "GET", memberToken, $"{g}/expenses/{expenseId}", ""),
            (
                "pay a split",
                "POST",
                memberToken,
                $"{g}/expenses/{expenseId}/splits/{splitId}/payments",
                """{"amount":"0.01"}"""
            ),
        ];
        var directory = Directory.CreateTempSubdirectory("ledger-bench-smoke-");
        Process? floorEndpoint = null;
        try
        {
            // The floor's statements: one captured-like request (the balances read). Its endpoint
            // starts now, so that its start-up overlaps the API's scenarios.
            var statements = Path.Combine(directory.FullName, "balances.json");
            await File.WriteAllTextAsync(
                statements,
                JsonSerializer.Serialize(
                    new
                    {
                        statements = new[]
                        {
                            new
                            {
                                sql = "SELECT user_id, currency, net_minor_units FROM member_balances WHERE group_id = $1",
                                parameters = new[] { groupId },
                            },
                        },
                        fresh = Array.Empty<string>(),
                    }
                )
            );
            var floorDll = Path.Combine(
                root,
                "bench",
                "Floor",
                "bin",
                "Release",
                "net10.0",
                "ledger-floor.dll"
            );
            var floorUrl = $"http://127.0.0.1:{FreePort()}";
            floorEndpoint = Process.Start(
                new ProcessStartInfo(
                    "dotnet",
                    [floorDll, "serve", ApiHost.Database.ConnectionString, statements, floorUrl]
                )
                {
                    UseShellExecute = false,
                }
            );
            foreach (var (name, method, token, path, body) in scenarios)
            {
                // One request first (its answer must be a 2xx too): the endpoint's first call
                // (JIT, caches) may take longer than wrk's second on a loaded machine.
                using (var warm = new HttpRequestMessage(new HttpMethod(method), path))
                {
                    if (token.Length > 0)
                    {
                        warm.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    if (body.Length > 0)
                    {
                        warm.Content = new StringContent(
                            body,
                            System.Text.Encoding.UTF8,
                            "application/json"
                        );
                    }

                    using var answer = await http.SendAsync(warm);
                    answer.IsSuccessStatusCode.Should().BeTrue($"{name}: {(int)answer.StatusCode}");
                }

                var file = Path.Combine(directory.FullName, "requests.tsv");
                await File.WriteAllTextAsync(file, $"{method}\t{path}\t{token}\t{body}\n");
                AssertWrk(name, Wrk(root, api.Address.ToString().TrimEnd('/'), file));
            }

            // The floor endpoint under the same wrk command (a scenario's requests file: it
            // ignores path, token and body), and meanwhile the raw replay of the same statements.
            var listening = Stopwatch.StartNew();
            while (!Listening(floorUrl))
            {
                floorEndpoint!.HasExited.Should().BeFalse("the floor endpoint runs");
                listening.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "it listens");
                await Task.Delay(20);
            }

            // One request first, as for the API's scenarios (its answer must be a 2xx too).
            using (var warm = await http.GetAsync(new Uri(floorUrl + "/")))
            {
                warm.IsSuccessStatusCode.Should().BeTrue($"floor: {(int)warm.StatusCode}");
            }

            var replay = Task.Run(() =>
                Run(
                    "dotnet",
                    [floorDll, ApiHost.Database.ConnectionString, statements, "4", "1", "0"],
                    []
                )
            );
            AssertWrk(
                "floor endpoint",
                Wrk(root, floorUrl, Path.Combine(directory.FullName, "requests.tsv"))
            );
            var floor = await replay;
            var replayed = Floor().Match(floor);
            replayed.Success.Should().BeTrue(floor);
            double.Parse(replayed.Groups[1].Value, CultureInfo.InvariantCulture)
                .Should()
                .BePositive(floor);
            replayed.Groups[2].Value.Should().Be("0", floor);
        }
        finally
        {
            if (floorEndpoint is not null)
            {
                if (!floorEndpoint.HasExited)
                {
                    floorEndpoint.Kill();
                    await floorEndpoint.WaitForExitAsync();
                }

                floorEndpoint.Dispose();
            }

            directory.Delete(recursive: true);
        }
    }

    private static string Wrk(string root, string url, string requests) =>
        Run(
            "wrk",
            [
                "-t2",
                "-c4",
                "-d1s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                Path.Combine(root, "bench", "wrk", "ledger.lua"),
                url,
            ],
            new Dictionary<string, string>
            {
                ["BENCH_REQUESTS"] = requests,
                ["BENCH_NONCE"] = Guid.NewGuid().ToString("N"),
            }
        );

    private static void AssertWrk(string name, string output)
    {
        var statuses = Status()
            .Matches(output)
            .ToDictionary(
                m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)
            );
        statuses.Keys.Should().OnlyContain(s => s >= 200 && s < 300, $"{name}: {output}");
        statuses.Values.Sum().Should().BePositive($"{name} ran requests: {output}");
        output.Should().NotContain("Socket errors", name);
        output.Should().NotContain("Non-2xx", name);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(string url)
    {
        var uri = new Uri(url);
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(uri.Host, uri.Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task<string> SignInAsync(Uri api, ApiUser user)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
        };
        using var client = new HttpClient(handler) { BaseAddress = api };
        using var browser = new Browser(client, cookies);
        var pkce = Pkce.Create();
        var code = await AuthorizationCodeFlow.GetCodeAsync(
            browser,
            user.Email,
            user.Password,
            AuthorizationCodeFlow.AuthorizeUrl(pkce)
        );
        var tokens = await AuthorizationCodeFlow.RedeemCodeAsync(client, code, pkce.Verifier);
        return tokens.AccessToken;
    }

    private static async Task<JsonElement> PostAsync(
        HttpClient http,
        string token,
        string path,
        object body
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"POST {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Run(
        string program,
        string[] arguments,
        Dictionary<string, string> environment
    )
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process =
            Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{program} {output} {error.Result}");
        return output + error.Result;
    }

    [GeneratedRegex(@"^status (\d+): (\d+)", RegexOptions.Multiline)]
    private static partial Regex Status();

    [GeneratedRegex(@"floor: ([\d.]+) (\d+)")]
    private static partial Regex Floor();
}
