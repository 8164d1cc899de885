using System.Runtime.InteropServices;

namespace Ledger.Build;

internal static class Targets
{
    public const string DatabaseName = "ledger";
    public const string ApiUrl = "http://127.0.0.1:5080";

    public static int Test(string root, ServiceState services, string? filter)
    {
        Shell.RunOrFail("dotnet", ["tool", "restore"], root);
        // Formatting is not a debate: an unformatted change fails the test target.
        Shell.RunOrFail("dotnet", ["csharpier", "check", "."], root);
        Shell.RunOrFail(
            "dotnet",
            ["build", "Ledger.sln", "-c", "Release", "-warnaserror", "--nologo", "-v", "q"],
            root
        );
        return new TestRunner(root, services).Run(filter);
    }

    public static int Migrate(string root, ServiceState services)
    {
        EnsureDatabase(root, services, DatabaseName);
        Shell.RunOrFail(
            "dotnet",
            ["build", "src/WebApi", "-c", "Release", "--nologo", "-v", "q"],
            root
        );
        Shell.RunOrFail(
            "dotnet",
            [
                "run",
                "--project",
                "src/WebApi",
                "-c",
                "Release",
                "--no-build",
                "--no-launch-profile",
                "--",
                "--migrate-only",
            ],
            root,
            AppEnvironment(root, services)
        );
        Console.WriteLine("Migrations applied.");
        return 0;
    }

    public static async Task<int> RunAsync(string root, ServiceState services)
    {
        Migrate(root, services);
        SeedDemoUsers(root, services);
        Shell.RunOrFail(
            "dotnet",
            ["build", "src/Worker", "-c", "Release", "--nologo", "-v", "q"],
            root
        );
        var apiUrl = ApiUrl;
        var environment = AppEnvironment(root, services);
        environment["ASPNETCORE_URLS"] = apiUrl;
        using var api = Shell.Start(
            "dotnet",
            [
                "run",
                "--project",
                "src/WebApi",
                "-c",
                "Release",
                "--no-build",
                "--no-launch-profile",
            ],
            root,
            environment,
            capture: false
        );
        using var worker = Shell.Start(
            "dotnet",
            [
                "run",
                "--project",
                "src/Worker",
                "-c",
                "Release",
                "--no-build",
                "--no-launch-profile",
            ],
            root,
            environment,
            capture: false
        );

        // The banner (and with it `./build.sh token`) waits until the API takes requests.
        await WaitUntilReadyAsync(apiUrl, api);

        Console.WriteLine();
        Console.WriteLine($"API:        {apiUrl}/api/v1");
        Console.WriteLine($"Health:     {apiUrl}/health");
        Console.WriteLine(
            $"OpenAPI:    {apiUrl}/openapi/v1.json  (reference page: {apiUrl}/reference)"
        );
        Console.WriteLine($"Login page: {apiUrl}/account/login");
        foreach (var login in DemoLogin.Read(root))
        {
            Console.WriteLine(
                $"Demo login: {login.Email} / {login.Password}  ({login.DisplayName})"
            );
        }

        Console.WriteLine("Access token for the first demo user: ./build.sh token");
        Console.WriteLine("Ctrl-C stops the API and the worker.");

        var stopped = new TaskCompletionSource();
        // Ctrl-C, and a SIGTERM or SIGQUIT from a supervisor, stop the hosts too: never orphans.
        var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal =>
                PosixSignalRegistration.Create(
                    signal,
                    context =>
                    {
                        context.Cancel = true;
                        stopped.TrySetResult();
                    }
                )
            )
            .ToList();
        await Task.WhenAny(stopped.Task, api.WaitForExitAsync(), worker.WaitForExitAsync());
        foreach (var process in new[] { api, worker }.Where(p => !p.HasExited))
        {
            // SIGTERM lets each host shut down gracefully (drain requests, finish or cancel jobs).
            Shell.Run("kill", ["-TERM", process.Id.ToString()]);
        }

        await Task.WhenAll(api.WaitForExitAsync(), worker.WaitForExitAsync());
        signals.ForEach(registration => registration.Dispose());
        return 0;
    }

    /// <summary>Polls /health/ready until it answers 200 (database reachable, the OAuth client
    /// registered: that happens before the server listens); stops waiting when the API exits.</summary>
    private static async Task WaitUntilReadyAsync(string apiUrl, System.Diagnostics.Process api)
    {
        using var http = new HttpClient
        {
            BaseAddress = new Uri(apiUrl),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (!api.HasExited && DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception failure)
                when (failure is HttpRequestException or TaskCanceledException) { }

            await Task.Delay(250);
        }

        Console.WriteLine(
            api.HasExited
                ? "The API exited before it was ready: see its output above."
                : "The API is not ready after 2 minutes: see its output above."
        );
    }

    /// <summary>Creates the demo users when missing; their random passwords land in .local/demo-credentials.json.</summary>
    internal static void SeedDemoUsers(string root, ServiceState services) =>
        Shell.RunOrFail(
            "dotnet",
            [
                "run",
                "--project",
                "src/WebApi",
                "-c",
                "Release",
                "--no-build",
                "--no-launch-profile",
                "--",
                "--seed-demo",
            ],
            root,
            AppEnvironment(root, services)
        );

    public static Dictionary<string, string> AppEnvironment(string root, ServiceState services) =>
        new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Ledger"] = services.PostgresConnectionString(DatabaseName),
            ["ConnectionStrings__Redis"] = services.RedisConnectionString,
            ["LEDGER_ROOT"] = root,
        };

    /// <summary>
    /// Creates the database if it is missing, and recreates it (it is this clone's local one) if it
    /// was migrated with a history that shares no migration with the source tree: the migrations
    /// were squashed into one baseline, and migrating such a database would create every table again.
    /// </summary>
    private static void EnsureDatabase(string root, ServiceState services, string database)
    {
        var environment = new Dictionary<string, string>
        {
            ["PGPASSWORD"] = services.PostgresPassword,
        };
        string[] connect =
        [
            "-h",
            "127.0.0.1",
            "-p",
            services.PostgresPort.ToString(),
            "-U",
            "ledger",
            "-d",
            "postgres",
            "-tAc",
        ];
        var (_, exists) = Shell.Capture(
            "psql",
            [.. connect, $"SELECT 1 FROM pg_database WHERE datname = '{database}'"],
            environment: environment
        );
        if (
            exists.Contains('1', StringComparison.Ordinal)
            && MigratedByAnotherHistory(root, connect, environment, database)
        )
        {
            Console.WriteLine(
                $"Database {database} was migrated by a migration history this tree no longer has: recreating it."
            );
            Shell.RunOrFail(
                "psql",
                [.. connect, $"DROP DATABASE {database} WITH (FORCE)"],
                environment: environment
            );
            exists = "";
        }

        if (!exists.Contains('1', StringComparison.Ordinal))
        {
            Shell.RunOrFail(
                "psql",
                [.. connect, $"CREATE DATABASE {database}"],
                environment: environment
            );
        }
    }

    private static bool MigratedByAnotherHistory(
        string root,
        string[] connect,
        Dictionary<string, string> environment,
        string database
    )
    {
        string[] inDatabase = [.. connect[..^2], database, connect[^1]];
        var (exitCode, applied) = Shell.Capture(
            "psql",
            [.. inDatabase, """SELECT migration_id FROM "__EFMigrationsHistory" """],
            environment: environment
        );
        if (exitCode != 0)
        {
            return false; // never migrated
        }

        var ids = applied.Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        if (ids.Length == 0)
        {
            return false;
        }

        var known = Directory
            .GetFiles(Path.Combine(root, "src/Infrastructure/Persistence/Migrations"), "*.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);
        return !ids.Any(known.Contains);
    }
}
