using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ledger.Build;

/// <summary>
/// `bench [--tiny]`: provisions like `run`, starts the API as a Release process twice — once as
/// it was before the performance work (<see cref="Before"/>: session cache off, connections reset
/// on close), once as it ships — drives each request of issue 14 with wrk, measures the floor
/// (the SQL the shipping API sent for that request, replayed with raw Npgsql by bench/Floor),
/// time to ready and resident memory, and writes docs/PERFORMANCE.md. Stops what it started.
/// </summary>
internal static partial class Bench
{
    private const int Connections = 16;

    /// <summary>The load average when the run started (the machine is shared).</summary>
    internal static string LoadAtStart { get; private set; } = "unknown";

    /// <summary>Seconds of measured load per scenario and API (and on the floor), after the warm-up.</summary>
    private const int Seconds = 5;

    /// <summary>
    /// Seconds of load before each measurement, as the issue's own measurement did: the API's JIT
    /// is still tiering up its hot methods seconds into a scenario (17% of samples ten seconds in,
    /// ADR 0086), which the floor barely pays.
    /// </summary>
    private const int Warmup = 5;

    /// <summary>
    /// Configuration that turns this branch's improvements off, for the "before" column (the
    /// balance upsert's place in the transaction is not configurable: compare with earlier runs).
    /// </summary>
    private static readonly Dictionary<string, string> Before = new()
    {
        ["Sessions__CacheSeconds"] = "0",
        // The GC as on main (the web SDK's default: server GC, concurrent).
        ["DOTNET_gcServer"] = "1",
        ["DOTNET_gcConcurrent"] = "1",
        // No heap hard limit, as on main (ADR 0026; hex, 0 = none).
        ["DOTNET_GCHeapHardLimit"] = "0",
    };

    public static async Task<int> RunAsync(string root, ServiceState services, bool tiny) =>
        await RunAsync(
            root,
            services,
            new BenchOptions(tiny, ApiOnly: false, null, new Dictionary<string, string>(), false)
        );

    /// <summary>
    /// `bench --only api [--tiny] [--scenarios KEY,KEY] [--env NAME=VALUE]... [--extras]`: the
    /// shipped API alone (no *before*, no workers, no report written), the chosen scenarios (all:
    /// every one) against their floors, then time to ready and RSS, printed. `--env` adds
    /// environment variables to the API's (to try a runtime setting); `--extras` also runs P2,
    /// P6, the account timings and the exports, which the full run's RSS peak includes.
    /// </summary>
    public static async Task<int> RunApiOnlyAsync(string root, ServiceState services, string[] rest)
    {
        var tiny = false;
        var extras = false;
        int? seconds = null;
        List<IReadOnlyDictionary<string, string>> variants = [];
        HashSet<string>? only = null;
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--tiny":
                    tiny = true;
                    break;
                case "--extras":
                    extras = true;
                    break;
                case "--seconds" when i + 1 < rest.Length:
                    seconds = int.Parse(rest[++i], CultureInfo.InvariantCulture);
                    break;
                case "--variants" when i + 1 < rest.Length:
                    variants = rest[++i]
                        .Split(';')
                        .Select(v =>
                            (IReadOnlyDictionary<string, string>)
                                v.Split(',', StringSplitOptions.RemoveEmptyEntries)
                                    .Select(pair => pair.Split('=', 2))
                                    .ToDictionary(pair => pair[0], pair => pair[1])
                        )
                        .ToList();
                    break;
                case "--scenarios" when i + 1 < rest.Length:
                    only = rest[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
                    break;
                case "--env"
                    when i + 1 < rest.Length && rest[i + 1].Contains('=', StringComparison.Ordinal):
                    var pair = rest[++i].Split('=', 2);
                    settings[pair[0]] = pair[1];
                    break;
                default:
                    throw new BuildException(
                        $"bench --only api: unknown argument '{rest[i]}' (--tiny, --scenarios KEY,KEY, --env NAME=VALUE, --extras, --seconds N, --variants 'N=V,N=V;N=V')."
                    );
            }
        }

        return await RunAsync(
            root,
            services,
            new BenchOptions(tiny, ApiOnly: true, only, settings, extras)
            {
                Seconds = seconds,
                Variants = variants,
            }
        );
    }

    private static async Task<int> RunAsync(
        string root,
        ServiceState services,
        BenchOptions options
    )
    {
        var tiny = options.Tiny;
        if (!Shell.OnPath("wrk"))
        {
            Packages.Install("wrk");
        }

        var wall = Stopwatch.StartNew();
        LoadAtStart = File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "unknown";
        Targets.Migrate(root, services);
        Targets.SeedDemoUsers(root, services);
        var seeded = BenchWorld.Seed(root, services, tiny);
        // The API ("after") and the floor run as production would: published for the runtime, so
        // ReadyToRun (ADR 0025). "before" runs the plain build that Targets.Migrate made, as main ran it.
        var published = Path.Combine(root, ".local", "bench", "api");
        Publish(root, "src/WebApi", published);
        Publish(root, "bench/Floor", FloorDirectory(root));
        var built = Path.Combine(root, "src", "WebApi", "bin", "Release", "net10.0");
        var seconds = options.Seconds ?? (tiny ? 1 : Seconds);
        var warmup = tiny ? 0 : Warmup;
        // Both APIs run side by side and every scenario is measured before, after and on the
        // floor back to back: the machine's noise then falls on the three alike.
        Directory.CreateDirectory(Path.Combine(root, ".local", "bench"));
        var apis = new List<StartedApi>();
        try
        {
            if (!options.ApiOnly)
            {
                apis.Add(await StartAsync(root, services, "before", built, Before, tiny, seeded));
            }

            apis.Add(
                await StartAsync(
                    root,
                    services,
                    "after",
                    published,
                    new Dictionary<string, string>(options.Settings),
                    tiny,
                    seeded
                )
            );
            var after = apis[^1];
            if (options.Variants.Count > 0)
            {
                await StopAsync(after);
                apis.Clear();
                await VariantsAsync(
                    root,
                    services,
                    published,
                    after.Url,
                    after.World,
                    options,
                    seconds,
                    warmup
                );
                return 0;
            }

            var chosen = after
                .World.Scenarios.Where(s =>
                    options.Scenarios is null || options.Scenarios.Contains(s.Key)
                )
                .ToList();
            var (captured, discards) = await CaptureAsync(
                services,
                after.Http,
                after.World with
                {
                    Scenarios = chosen,
                }
            );
            var results = apis.ToDictionary(
                a => a.Mode,
                _ => new Dictionary<string, Measurement>()
            );
            var floors = new Dictionary<string, Measurement>();
            var replays = new Dictionary<string, Measurement>();
            foreach (var scenario in chosen)
            {
                foreach (var api in apis)
                {
                    Console.WriteLine($"bench: {api.Mode} {scenario.Name}...");
                    var own = api.World.Scenarios.Single(s => s.Key == scenario.Key);
                    var measured = Measure(root, api, own, seconds, warmup);
                    results[api.Mode][scenario.Name] = measured;
                    Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"bench:   {measured.RequestsPerSecond:F0} rps, p50 {measured.P50Ms:F1} ms, {measured.CpuMsPerRequest:F2} CPU ms/req, {measured.Errors} errors {measured.Failures}"
                        )
                    );
                }

                if (captured.TryGetValue(scenario.Key, out var replay))
                {
                    var file = Path.Combine(root, ".local", "bench", $"{scenario.Key}.json");
                    File.WriteAllText(file, JsonSerializer.Serialize(replay, WebJson));
                    var floor = await FloorEndpointAsync(
                        root,
                        services,
                        file,
                        scenario,
                        after.World.Nonce,
                        seconds,
                        warmup
                    );
                    floors[scenario.Key] = floor;
                    Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"bench:   floor endpoint {floor.RequestsPerSecond:F0} rps, p50 {floor.P50Ms:F1} ms, {floor.CpuMsPerRequest:F2} CPU ms/req, {floor.Errors} errors {floor.Failures}"
                        )
                    );
                    replays[scenario.Key] = RawReplay(root, services, file, seconds, warmup);
                    Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"bench:   raw SQL replay {replays[scenario.Key].RequestsPerSecond:F0} tps, {replays[scenario.Key].Errors} errors"
                        )
                    );
                }
            }

            // Measured on the after API once the scenarios are done (the RSS columns above are
            // read afterwards and so include them: the peak is the whole run's).
            var sections = new List<string>();
            double? p2Ratio = null;
            double? redis = null;
            IReadOnlyList<BenchAccount.Timing> timings = [];
            if (!options.ApiOnly || options.Extras)
            {
                var many = seeded.Actors.Where(a => a.Workload == "many").ToList();
                var (small, big) = BenchData.Seed(services, [many[0].UserId, many[1].UserId], tiny);
                (var p2, p2Ratio) = BenchData.Balances(root, after, small, big, tiny ? 1 : 5, tiny);
                sections.Add(p2);
                (var p6, redis) = BenchData.RedisRoundTrips(root, services, after, tiny ? 1 : 3);
                sections.Add(p6);
                (var account, timings) = await BenchAccount.RunAsync(services, after, seeded, tiny);
                sections.Add(account);
                sections.Add(await BenchData.ExportAsync(after, big, tiny));
                // Further scenarios (one line each) add their section here.
            }

            var runs = apis.Select(api =>
                {
                    var rss = Rss(api.Process.Id);
                    return new ModeRun(
                        api.Mode,
                        api.ReadyAll,
                        api.RssIdleMb,
                        rss.Current,
                        rss.Peak,
                        results[api.Mode],
                        api.Mode == "after" ? captured : [],
                        api.World.Scenarios
                    );
                })
                .ToList();
            foreach (var api in apis)
            {
                await StopAsync(api);
            }

            apis.Clear();
            if (options.ApiOnly)
            {
                var run = runs[^1];
                foreach (var section in sections)
                {
                    Console.WriteLine(section);
                }

                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"bench: time to ready {string.Join(", ", run.ReadySeconds.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} s; RSS idle {run.RssIdleMb:F0} MB, after the load {run.RssMb:F0} MB, peak {run.RssPeakMb:F0} MB; done in {wall.Elapsed.TotalMinutes:F1} min"
                    )
                );
                return 0;
            }

            // The worker benchmarks, each on a database of its own, with the APIs stopped.
            var (recurringSection, recurring) = await BenchRecurring.RunForReportAsync(
                root,
                services,
                tiny
            );
            sections.Add(recurringSection);
            var (relayRow, relay) = await BenchRelay.RunAsync(root, services, tiny);
            sections.Add($"## Webhook relay (issue 16)\n\n{relayRow} (build/BenchRelay.cs)\n");
            var (pipelineSection, pipeline) = BenchPipeline.Run(root, tiny);
            sections.Add(pipelineSection);

            var ratio = (string key) =>
                after.World.Scenarios.FirstOrDefault(s => s.Key == key) is { } scenario
                && floors.TryGetValue(key, out var floor)
                && results["after"].TryGetValue(scenario.Name, out var measured)
                && floor.RequestsPerSecond > 0
                    ? measured.RequestsPerSecond / floor.RequestsPerSecond
                    : (double?)null;
            var rps = (string key) =>
                after.World.Scenarios.FirstOrDefault(s => s.Key == key) is { } scenario
                && results["after"].TryGetValue(scenario.Name, out var measured)
                    ? measured.RequestsPerSecond
                    : (double?)null;
            var create = captured.GetValueOrDefault("create-many")?.Statements;
            var facts = new BenchFacts
            {
                BalancesRatio = ratio("balances-many"),
                CreateRatio = ratio("create-many"),
                MeRatio = ratio("me"),
                HealthRps = rps("health"),
                HealthTokenRps = rps("health-token"),
                // Balances, not /me: /me's own work reads the user's row, which is not authentication.
                AuthStatementsPerRequest = captured
                    .GetValueOrDefault("balances-many")
                    ?.Statements.Count(s => AuthTable().IsMatch(s.Sql)),
                DiscardAllStatements = discards,
                CreateStatements = create?.Count,
                StatementsAfterBalanceUpsert = create is null ? null : AfterBalances(create),
                ReadySeconds = runs[^1]
                    .ReadySeconds.Order()
                    .ElementAt(runs[^1].ReadySeconds.Count / 2),
                RssPeakMb = runs[^1].RssPeakMb,
                P2Ratio = p2Ratio,
                RedisPerRequest = redis,
                Recurring = recurring,
                RelayPerSecond = relay,
                AccountTimings = timings,
                Pipeline = pipeline,
            };
            var report = BenchReport.Write(
                root,
                runs,
                floors,
                replays,
                sections,
                BenchGoals.Table(root, facts),
                seconds,
                warmup,
                tiny,
                wall
            );
            Console.WriteLine(report);
            Console.WriteLine(
                $"bench: done in {wall.Elapsed.TotalMinutes:F1} min; wrote docs/PERFORMANCE.md"
            );
            return 0;
        }
        finally
        {
            foreach (var api in apis)
            {
                await StopAsync(api);
            }
        }
    }

    /// <summary>
    /// `--variants`: the shipped API started once per variant (its environment variables added),
    /// in one sitting, each under the chosen scenarios with the tokens of the first start (on its
    /// address: the tokens name it as their issuer); per
    /// variant, time to ready, RSS idle, after each scenario and peak, threads, and per scenario
    /// rps and CPU per request.
    /// </summary>
    private static async Task VariantsAsync(
        string root,
        ServiceState services,
        string published,
        string url,
        World world,
        BenchOptions options,
        int seconds,
        int warmup
    )
    {
        var chosen = world
            .Scenarios.Where(s => options.Scenarios is null || options.Scenarios.Contains(s.Key))
            .ToList();
        var lines = new List<string>();
        foreach (var variant in options.Variants)
        {
            var settings = new Dictionary<string, string>(options.Settings);
            foreach (var (key, value) in variant)
            {
                settings[key] = value;
            }

            var name =
                variant.Count == 0
                    ? "as shipped"
                    : string.Join(",", variant.Select(p => $"{p.Key}={p.Value}"));
            var api = await StartOnceAsync(
                root,
                services,
                "after",
                published,
                settings,
                world: null,
                url
            );
            try
            {
                api = api with { World = world with { Nonce = $"{world.Nonce}v{lines.Count}" } };
                var figures = new List<string>();
                foreach (var scenario in chosen)
                {
                    var measured = Measure(root, api, scenario, seconds, warmup);
                    figures.Add(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{scenario.Key} {measured.RequestsPerSecond:F0} rps {measured.CpuMsPerRequest:F2} ms/req{(measured.Errors > 0 ? $" {measured.Errors} errors ({measured.Failures})" : "")} RSS {Rss(api.Process.Id).Current:F0}"
                        )
                    );
                }

                var rss = Rss(api.Process.Id);
                var line = string.Create(
                    CultureInfo.InvariantCulture,
                    $"variant [{name}]: ready {api.ReadySeconds:F2} s, RSS idle {api.RssIdleMb:F0} MB, after {rss.Current:F0} MB, peak {rss.Peak:F0} MB, {Status(api.Process.Id)}; {string.Join("; ", figures)}"
                );
                Console.WriteLine($"bench: {line}");
                lines.Add(line);
            }
            finally
            {
                await StopAsync(api);
            }
        }

        Console.WriteLine(string.Join('\n', lines));
    }

    private static string Status(int pid) =>
        string.Join(
            " ",
            File.ReadAllLines($"/proc/{pid}/status")
                .Where(l =>
                    l.StartsWith("RssAnon:", StringComparison.Ordinal)
                    || l.StartsWith("RssFile:", StringComparison.Ordinal)
                    || l.StartsWith("Threads:", StringComparison.Ordinal)
                )
                .Select(l =>
                    string.Join(
                        " ",
                        l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                    )
                )
        );

    private static string FloorDirectory(string root) =>
        Path.Combine(root, ".local", "bench", "floor");

    private static void Publish(string root, string project, string output) =>
        Shell.RunOrFail(
            "dotnet",
            [
                "publish",
                project,
                "-c",
                "Release",
                "-r",
                "linux-x64",
                "--self-contained",
                "false",
                "-o",
                output,
                "--nologo",
                "-v",
                "q",
            ],
            root
        );

    /// <summary>Statements between the last one writing member_balances and the COMMIT after it (null: none writes it).</summary>
    private static int? AfterBalances(IReadOnlyList<Statement> statements)
    {
        var upsert = statements
            .Select((s, i) => (s, i))
            .LastOrDefault(x =>
                x.s.Sql.Contains("member_balances", StringComparison.OrdinalIgnoreCase)
                && !x.s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            );
        if (upsert.s is null)
        {
            return null;
        }

        var commit = statements
            .Select((s, i) => (s, i))
            .FirstOrDefault(x =>
                x.i > upsert.i
                && x.s.Sql.Trim().StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase)
            );
        return (commit.s is null ? statements.Count : commit.i) - upsert.i - 1;
    }

    internal static Measurement Measure(
        string root,
        StartedApi api,
        Scenario scenario,
        int seconds,
        int warmup
    ) => Measure(root, api.Url, api.Process.Id, scenario, api.World.Nonce, seconds, warmup);

    /// <summary>wrk on one scenario against the process <paramref name="pid"/> listening at <paramref name="url"/>, and that process's CPU per request.</summary>
    private static Measurement Measure(
        string root,
        string url,
        int pid,
        Scenario scenario,
        string nonce,
        int seconds,
        int warmup
    )
    {
        if (warmup > 0)
        {
            Wrk(root, url, scenario, warmup, nonce + "w");
        }

        var before = CpuTicks(pid);
        var measured = Wrk(root, url, scenario, seconds, nonce);
        var cpu = CpuTicks(pid) - before;
        return measured with
        {
            CpuMsPerRequest =
                measured.Requests == 0 ? 0 : cpu * 1000.0 / TicksPerSecond / measured.Requests,
        };
    }

    private static async Task<StartedApi> StartAsync(
        string root,
        ServiceState services,
        string mode,
        string directory,
        Dictionary<string, string> settings,
        bool tiny,
        BenchWorld.Seeded seeded
    )
    {
        // Time to ready is noisy on a shared machine: the median of three starts (one in a tiny run).
        var readies = new List<double>();
        for (var i = tiny ? 1 : 3; i > 1; i--)
        {
            var probe = await StartOnceAsync(
                root,
                services,
                mode,
                directory,
                settings,
                world: null
            );
            readies.Add(probe.ReadySeconds);
            await StopAsync(probe);
        }

        var api = await StartOnceAsync(root, services, mode, directory, settings, world: seeded);
        readies.Add(api.ReadySeconds);
        readies.Sort();
        return api with { ReadySeconds = readies[readies.Count / 2], ReadyAll = readies };
    }

    private static async Task StopAsync(StartedApi api)
    {
        Shell.Run("kill", ["-TERM", api.Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await api.Process.WaitForExitAsync();
        api.Process.Dispose();
        api.Http.Dispose();
    }

    private static async Task<StartedApi> StartOnceAsync(
        string root,
        ServiceState services,
        string mode,
        string directory,
        Dictionary<string, string> settings,
        BenchWorld.Seeded? world,
        string? url = null
    )
    {
        Console.WriteLine($"bench: starting the API ({mode})...");
        url ??= $"http://127.0.0.1:{FreePort()}";
        var environment = Targets.AppEnvironment(root, services);
        environment["ASPNETCORE_URLS"] = url;
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var policy in new[] { "default", "auth", "expensive", "partner" })
        {
            environment[$"RateLimiting__Policies__{policy}__PermitLimit"] = "1000000000";
        }

        if (mode == "before")
        {
            environment["ConnectionStrings__Ledger"] += ";No Reset On Close=false";
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var started = Stopwatch.StartNew();
        var api = Shell.Start(
            "dotnet",
            [Path.Combine(directory, "Ledger.WebApi.dll")],
            Path.Combine(root, "src", "WebApi"),
            environment,
            capture: false
        );
        var http = new HttpClient
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var ready = await WaitReadyAsync(http, api, started);
            var rssIdle = Rss(api.Id).Current;
            var scenarios = world is null
                ? new World([], "", null)
                : await WorldAsync(root, url, world);
            return new StartedApi(mode, api, url, http, ready, rssIdle, scenarios);
        }
        catch
        {
            Shell.Run("kill", ["-TERM", api.Id.ToString(CultureInfo.InvariantCulture)]);
            await api.WaitForExitAsync();
            api.Dispose();
            http.Dispose();
            throw;
        }
    }

    private static async Task<double> WaitReadyAsync(
        HttpClient http,
        Process api,
        Stopwatch started
    )
    {
        while (started.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (api.HasExited)
            {
                throw new BuildException($"The API exited with {api.ExitCode} while starting.");
            }

            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return started.Elapsed.TotalSeconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new BuildException("The API was not ready within 120 s.");
    }

    /// <summary>
    /// The seeded actors signed in to this API, and the scenarios over them: the two health
    /// checks and /me spread over every actor's token, then the five requests of issue 14 on many
    /// groups and on the busy group.
    /// </summary>
    private static async Task<World> WorldAsync(string root, string url, BenchWorld.Seeded seeded)
    {
        var tokens = await BenchWorld.SignInAsync(
            root,
            url,
            seeded,
            seeded.Actors.Select(a => a.Email)
        );
        var everyone = seeded
            .Actors.Select(a => new BenchRequest(tokens[a.Email], "/api/v1/me", null))
            .ToList();
        Scenario[] scenarios =
        [
            new("GET /health, no token", "health", "GET", [new(null, "/health", null)], false),
            new(
                "GET /health with a bearer token",
                "health-token",
                "GET",
                everyone.Select(r => r with { Path = "/health" }).ToList(),
                false
            ),
            new("GET /api/v1/me", "me", "GET", everyone, true),
            .. BenchWorld.Scenarios(seeded, tokens, "many", "many groups"),
            .. BenchWorld.Scenarios(seeded, tokens, "busy", "one busy group"),
        ];
        return new World(
            scenarios,
            Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12],
            seeded
        );
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new BuildException($"GET {path} answered {(int)response.StatusCode}.");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string? FirstId(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Object when element.TryGetProperty("id", out var id) => id.GetString(),
            JsonValueKind.Object => element
                .EnumerateObject()
                .Select(p => FirstId(p.Value))
                .FirstOrDefault(i => i is not null),
            JsonValueKind.Array => element
                .EnumerateArray()
                .Select(FirstId)
                .FirstOrDefault(i => i is not null),
            _ => null,
        };

    private static Measurement Wrk(
        string root,
        string url,
        Scenario scenario,
        int seconds,
        string nonce
    )
    {
        var requests = Path.Combine(root, ".local", "bench", $"wrk-{scenario.Key}.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(requests)!);
        WriteRequests(requests, scenario);
        var environment = new Dictionary<string, string>
        {
            ["BENCH_REQUESTS"] = requests,
            ["BENCH_NONCE"] = $"{nonce}-{scenario.Key}-{seconds}",
        };
        var (code, output) = Shell.Capture(
            "wrk",
            [
                "-t2",
                $"-c{Connections}",
                $"-d{seconds}s",
                "--latency",
                "-s",
                Path.Combine(root, "bench", "wrk", "ledger.lua"),
                url,
            ],
            root,
            environment
        );
        if (code != 0)
        {
            throw new BuildException($"wrk failed:\n{output}");
        }

        return new Measurement(
            Number(RequestsPerSecond(), output),
            Latency("50%", output),
            Latency("99%", output),
            (long)Number(TotalRequests(), output),
            (long)(
                NonSuccess().Match(output) is { Success: true } m ? Parse(m.Groups[1].Value) : 0
            ),
            0
        )
        {
            Failures = string.Join(
                ", ",
                Status()
                    .Matches(output)
                    .Where(s => s.Groups[1].Value[0] != '2')
                    .Select(s => $"{s.Groups[2].Value}× {s.Groups[1].Value}")
            ),
        };
    }

    /// <summary>
    /// The requests file bench/wrk/ledger.lua reads: one request a line, tab-separated: method,
    /// path, bearer token (may be empty), JSON body (may be empty).
    /// </summary>
    internal static void WriteRequests(string file, Scenario scenario) =>
        File.WriteAllLines(
            file,
            scenario.Requests.Select(r =>
                $"{scenario.Method}\t{r.Path}\t{r.Token}\t{r.Body?.ReplaceLineEndings(" ")}"
            )
        );

    private static double Number(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } match
            ? Parse(match.Groups[1].Value)
            : throw new BuildException($"Unexpected wrk output:\n{output}");

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static double Latency(string percentile, string output)
    {
        var match = Regex.Match(
            output,
            $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$",
            RegexOptions.Multiline
        );
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = Parse(match.Groups[1].Value);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    /// <summary>
    /// With statement logging on for a moment, one request of each scenario (after a first that
    /// fills the caches), between two markers: the statements in between are its SQL.
    /// </summary>
    private static async Task<(Dictionary<string, Replay> Replays, int Discards)> CaptureAsync(
        ServiceState services,
        HttpClient http,
        World world
    )
    {
        var log = Path.Combine(services.PostgresDataDirectory, "server.log");
        Psql(services, "ALTER SYSTEM SET log_statement = 'all'");
        Psql(services, "SELECT pg_reload_conf()");
        var captured = new Dictionary<string, Replay>();
        var discards = 0;
        try
        {
            foreach (var scenario in world.Scenarios.Where(s => s.UsesDatabase))
            {
                await SendAsync(http, scenario, $"{world.Nonce}-warm-{scenario.Key}");
                var key = Guid.NewGuid().ToString();
                var start = new FileInfo(log).Length;
                Psql(services, $"SELECT 'bench-mark-{scenario.Key}'");
                await SendAsync(http, scenario, key);
                Psql(services, $"SELECT 'bench-mark-{scenario.Key}'");
                string text;
                using (
                    var stream = new FileStream(
                        log,
                        FileMode.Open,
                        FileAccess.Read,
                        FileShare.ReadWrite
                    )
                )
                {
                    stream.Seek(start, SeekOrigin.Begin);
                    text = await new StreamReader(stream).ReadToEndAsync();
                }

                var statements = Statements(text, scenario.Key);
                discards += text.Split('\n')
                    .Count(l =>
                        StatementText().IsMatch(l.Split(":  ", 2).Last())
                        && l.Contains("DISCARD ALL", StringComparison.OrdinalIgnoreCase)
                    );
                var fresh = Fresh(services, scenario.Requests[0], statements, key);
                captured[scenario.Key] = new Replay(
                    statements,
                    scenario.Method == "POST" ? fresh : []
                );
            }
        }
        finally
        {
            Psql(services, "ALTER SYSTEM RESET log_statement");
            Psql(services, "SELECT pg_reload_conf()");
        }

        return (captured, discards);
    }

    /// <summary>
    /// The values the request created, which the floor makes anew on every replay: the
    /// idempotency key, and every id among the parameters that is neither in the request nor an
    /// existing user, group, membership or OpenIddict entry (the new expense, its splits, the
    /// payment, audit and outbox rows...).
    /// </summary>
    private static List<string> Fresh(
        ServiceState services,
        BenchRequest request,
        IReadOnlyList<Statement> statements,
        string key
    )
    {
        var candidates = statements
            .SelectMany(s => s.Parameters)
            .OfType<string>()
            .Where(v =>
                Uuid().IsMatch(v)
                && !request.Path.Contains(v, StringComparison.Ordinal)
                && !(request.Body ?? string.Empty).Contains(v, StringComparison.Ordinal)
            )
            .Distinct()
            .ToList();
        var existing =
            candidates.Count == 0
                ? []
                : BenchWorld
                    .Query(
                        services,
                        $"""
                        SELECT c FROM unnest(ARRAY[{string.Join(
                            ',',
                            candidates.Select(c => $"'{c}'")
                        )}]::uuid[]) c
                        WHERE EXISTS (SELECT 1 FROM asp_net_users WHERE id = c)
                           OR EXISTS (SELECT 1 FROM groups WHERE id = c)
                           OR EXISTS (SELECT 1 FROM memberships WHERE id = c)
                           OR EXISTS (SELECT 1 FROM open_iddict_tokens WHERE id = c::text)
                           OR EXISTS (SELECT 1 FROM open_iddict_authorizations WHERE id = c::text)
                        """
                    )
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .ToHashSet();
        return [key, .. candidates.Where(c => c != key && !existing.Contains(c))];
    }

    private static async Task SendAsync(HttpClient http, Scenario scenario, string key)
    {
        var first = scenario.Requests[0];
        using var request = new HttpRequestMessage(new HttpMethod(scenario.Method), first.Path);
        if (first.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.Token);
        }

        if (first.Body is not null)
        {
            request.Content = new StringContent(first.Body, Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new BuildException(
                $"{scenario.Method} {first.Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
            );
        }
    }

    /// <summary>The statements logged between the two markers, with their parameters, DISCARD ALL left out.</summary>
    internal static List<Statement> Statements(string log, string marker)
    {
        var entries = new List<(string Kind, string Text)>();
        foreach (var line in log.Split('\n'))
        {
            var header = LogLine().Match(line);
            if (header.Success)
            {
                entries.Add((header.Groups[1].Value, header.Groups[2].Value));
            }
            else if (entries.Count > 0 && line.StartsWith('\t'))
            {
                entries[^1] = (entries[^1].Kind, entries[^1].Text + "\n" + line[1..]);
            }
        }

        var statements = new List<Statement>();
        var inside = false;
        foreach (var (kind, text) in entries)
        {
            if (text.Contains($"'bench-mark-{marker}'", StringComparison.Ordinal))
            {
                if (inside)
                {
                    break;
                }

                inside = true;
                continue;
            }

            if (!inside)
            {
                continue;
            }

            var statement = StatementText().Match(text);
            if (kind == "LOG" && statement.Success)
            {
                var sql = statement.Groups[1].Value.Trim();
                if (!sql.StartsWith("DISCARD ALL", StringComparison.OrdinalIgnoreCase))
                {
                    statements.Add(new Statement(sql, []));
                }
            }
            else if (
                kind == "DETAIL"
                && text.StartsWith("Parameters: ", StringComparison.OrdinalIgnoreCase)
                && statements.Count > 0
            )
            {
                var parameters = Parameter()
                    .Matches(text)
                    .OrderBy(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                    .Select(m =>
                        m.Groups[2].Value == "NULL"
                            ? null
                            : m.Groups[2].Value[1..^1].Replace("''", "'", StringComparison.Ordinal)
                    )
                    .ToList();
                statements[^1] = statements[^1] with { Parameters = parameters };
            }
        }

        return statements;
    }

    /// <summary>
    /// The floor of issue 14: bench/Floor's bare endpoint (Kestrel and one request delegate
    /// replaying the captured statements per request), published like the API, on its own port,
    /// driven by the same wrk command and script as the API (it ignores the token, path and body).
    /// </summary>
    private static async Task<Measurement> FloorEndpointAsync(
        string root,
        ServiceState services,
        string file,
        Scenario scenario,
        string nonce,
        int seconds,
        int warmup
    )
    {
        Console.WriteLine($"bench: floor endpoint {scenario.Key}...");
        var url = $"http://127.0.0.1:{FreePort()}";
        using var floor = Shell.Start(
            "dotnet",
            [
                Path.Combine(FloorDirectory(root), "ledger-floor.dll"),
                "serve",
                services.PostgresConnectionString(Targets.DatabaseName) + ";No Reset On Close=true",
                file,
                url,
            ],
            root,
            new Dictionary<string, string>(),
            capture: false
        );
        try
        {
            var started = Stopwatch.StartNew();
            while (!Listening(url))
            {
                if (floor.HasExited || started.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new BuildException($"The floor endpoint did not start on {url}.");
                }

                await Task.Delay(20);
            }

            // At least a second of warm-up, also in a tiny run: the pool opens its connections
            // and the first requests JIT what ReadyToRun left (the API is warm from the capture).
            return Measure(
                root,
                url,
                floor.Id,
                scenario,
                nonce + "f",
                seconds,
                Math.Max(warmup, 1)
            );
        }
        finally
        {
            Shell.Run("kill", ["-TERM", floor.Id.ToString(CultureInfo.InvariantCulture)]);
            await floor.WaitForExitAsync();
        }
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

    /// <summary>Informational: the same statements replayed by bench/Floor with no HTTP at all.</summary>
    private static Measurement RawReplay(
        string root,
        ServiceState services,
        string file,
        int seconds,
        int warmup
    )
    {
        Console.WriteLine($"bench: raw SQL replay {Path.GetFileNameWithoutExtension(file)}...");
        var (code, output) = Shell.Capture(
            "dotnet",
            [
                Path.Combine(FloorDirectory(root), "ledger-floor.dll"),
                services.PostgresConnectionString(Targets.DatabaseName) + ";No Reset On Close=true",
                file,
                Connections.ToString(CultureInfo.InvariantCulture),
                seconds.ToString(CultureInfo.InvariantCulture),
                warmup.ToString(CultureInfo.InvariantCulture),
            ],
            root
        );
        var match = Regex.Match(output, @"floor: ([\d.]+) (\d+)");
        if (code != 0 || !match.Success)
        {
            throw new BuildException($"The floor failed:\n{output}");
        }

        return new Measurement(
            Parse(match.Groups[1].Value),
            double.NaN,
            double.NaN,
            0,
            (long)Parse(match.Groups[2].Value),
            0
        );
    }

    private static void Psql(ServiceState services, string sql) =>
        Shell.RunOrFail(
            "psql",
            [
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                services.PostgresPort.ToString(CultureInfo.InvariantCulture),
                "-U",
                "ledger",
                "-d",
                Targets.DatabaseName,
                "-o",
                "/dev/null",
                "-c",
                sql,
            ],
            environment: new Dictionary<string, string>
            {
                ["PGPASSWORD"] = services.PostgresPassword,
            }
        );

    /// <summary>Runs a SQL script (several statements, its own BEGIN/COMMIT) with psql, stopping at the first error.</summary>
    internal static void PsqlScript(ServiceState services, string sql)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, sql);
            Shell.RunOrFail(
                "psql",
                [
                    "-q",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    services.PostgresPort.ToString(CultureInfo.InvariantCulture),
                    "-U",
                    "ledger",
                    "-d",
                    Targets.DatabaseName,
                    "-o",
                    "/dev/null",
                    "-f",
                    file,
                ],
                environment: new Dictionary<string, string>
                {
                    ["PGPASSWORD"] = services.PostgresPassword,
                }
            );
        }
        finally
        {
            File.Delete(file);
        }
    }

    private const double TicksPerSecond = 100;

    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime: fields 14 and 15 of the whole line, 12 and 13 after the command.
        return long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    internal static (double Current, double Peak) Rss(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Kb(string name) =>
            Parse(
                status
                    .First(l => l.StartsWith(name, StringComparison.Ordinal))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            ) / 1024;
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"^status (\d+): (\d+)", RegexOptions.Multiline)]
    private static partial Regex Status();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"^\S+ \S+ \S+ \[\d+\] (LOG|DETAIL|ERROR|STATEMENT|WARNING):  (.*)$")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"^(?:statement|execute [^:]*): (.*)$", RegexOptions.Singleline)]
    private static partial Regex StatementText();

    [GeneratedRegex(@"\$(\d+) = ('(?:[^']|'')*'|NULL)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\b(open_iddict_\w+|asp_net_\w+)\b")]
    private static partial Regex AuthTable();

    [GeneratedRegex(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();
}

/// <summary>What `bench` runs: everything, or (`--only api`) the shipped API alone on some scenarios.</summary>
internal sealed record BenchOptions(
    bool Tiny,
    bool ApiOnly,
    IReadOnlySet<string>? Scenarios,
    IReadOnlyDictionary<string, string> Settings,
    bool Extras
)
{
    /// <summary>Seconds of load per scenario (null: the run's default).</summary>
    public int? Seconds { get; init; }

    /// <summary>`--variants`: environment sets, one API start each, compared in one sitting.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Variants { get; init; } = [];
}

internal sealed record StartedApi(
    string Mode,
    Process Process,
    string Url,
    HttpClient Http,
    double ReadySeconds,
    double RssIdleMb,
    World World
)
{
    /// <summary>Every start's time to ready, sorted (<see cref="ReadySeconds"/> is their median).</summary>
    public IReadOnlyList<double> ReadyAll { get; init; } = [];
}

/// <summary>One kind of request under load: its requests, sent in turn (one a user and group of the data set).</summary>
internal sealed record Scenario(
    string Name,
    string Key,
    string Method,
    IReadOnlyList<BenchRequest> Requests,
    bool UsesDatabase
);

/// <summary>One request of a scenario: path, bearer token (none: null), JSON body (none: null).</summary>
internal sealed record BenchRequest(string? Token, string Path, string? Body);

internal sealed record World(
    IReadOnlyList<Scenario> Scenarios,
    string Nonce,
    BenchWorld.Seeded? Seeded
);

internal sealed record Measurement(
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    long Requests,
    long Errors,
    double CpuMsPerRequest
)
{
    /// <summary>The answers that were not 2xx, by status (from the wrk script's tally).</summary>
    public string Failures { get; init; } = string.Empty;
}

internal sealed record ModeRun(
    string Mode,
    IReadOnlyList<double> ReadySeconds,
    double RssIdleMb,
    double RssMb,
    double RssPeakMb,
    Dictionary<string, Measurement> Results,
    Dictionary<string, Replay> Captured,
    IReadOnlyList<Scenario> Scenarios
);

internal sealed record Replay(IReadOnlyList<Statement> Statements, IReadOnlyList<string> Fresh);

internal sealed record Statement(string Sql, IReadOnlyList<string?> Parameters);
