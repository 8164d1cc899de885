using Ledger.Build;

// The build tool behind ./build.sh. Targets:
//   services start|stop|status   the private PostgreSQL and Redis of this clone
//   migrate                      apply EF Core migrations to the local database
//   test [--filter EXPR]         provision, check formatting, build, run every test project
//   run                          provision, migrate, seed demo data, start the API and the worker
//   token [EMAIL]                sign a demo user in to the running API (code + PKCE), print the access token
//   bench [--tiny]               measure the API against the database floor, write docs/PERFORMANCE.md
//   bench --only recurring [--templates N]   P3 alone: two workers generating N due templates (100,000)
//   bench --only api [--tiny] [--scenarios KEY,KEY] [--env NAME=VALUE]... [--extras]
//                                the shipped API alone against the floor; ready time and RSS printed
//   bench-relay [--tiny]         measure the webhook relay (events/s with two workers)
var root = FindRoot();
var services = new LocalServices(root);
try
{
    return args switch
    {
        ["services", "start"] => Print(services.Start()),
        ["services", "stop"] => Done(services.Stop),
        ["services", "status"] => Done(services.PrintStatus),
        ["migrate"] => Targets.Migrate(root, services.Start()),
        ["test", .. var rest] => Targets.Test(root, services.Start(), FilterFrom(rest)),
        ["run"] => await Targets.RunAsync(root, services.Start()),
        // The bench targets stop what they started, PostgreSQL and Redis included unless they
        // were running before (issue 14: "runs unattended, stops everything it started").
        ["bench"] => await Leased(lease => Bench.RunAsync(root, lease.State, tiny: false)),
        ["bench", "--tiny"] => await Leased(lease => Bench.RunAsync(root, lease.State, tiny: true)),
        ["bench", "--only", "recurring", .. var rest] => await Leased(lease =>
            BenchRecurring.RunOnlyAsync(root, lease.State, rest)
        ),
        ["bench", "--only", "api", .. var rest] => await Leased(lease =>
            Bench.RunApiOnlyAsync(root, lease.State, rest)
        ),
        ["bench-relay", .. var rest] => await Leased(lease =>
            BenchRelay.RunStandaloneAsync(root, lease.State, rest is ["--tiny"])
        ),
        ["token"] => await TokenTarget.RunAsync(root, email: null),
        ["token", var email] => await TokenTarget.RunAsync(root, email),
        _ => Usage(),
    };
}
catch (BuildException failure)
{
    Console.Error.WriteLine($"build: {failure.Message}");
    return 1;
}

async Task<int> Leased(Func<ServiceLease, Task<int>> target)
{
    using var lease = services.StartForRun();
    return await target(lease);
}

static string? FilterFrom(string[] rest) => rest is ["--filter", var filter] ? filter : null;

static int Print(ServiceState state)
{
    Console.WriteLine($"PostgreSQL: {state.PostgresConnectionString("ledger")}");
    Console.WriteLine($"Redis:      {state.RedisConnectionString}");
    return 0;
}

static int Done(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine(
        "usage: ./build.sh services start|stop|status | migrate | test [--filter EXPR] | run | token [EMAIL] | bench [--tiny] | bench --only recurring [--templates N] | bench --only api [--tiny] [--scenarios KEY,KEY] [--env NAME=VALUE] [--extras]"
    );
    return 2;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(Environment.CurrentDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ledger.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new BuildException("Run me inside the Ledger repository.");
}
