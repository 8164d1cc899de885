namespace Ledger.Build;

/// <summary>Installs the Debian packages the local services need, when they are missing and we may.</summary>
internal static class Packages
{
    public const string Chromium = "/usr/bin/chromium";

    private static bool _updated;

    public static string PostgresBinary(string name)
    {
        var directory = Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderDescending()
                .FirstOrDefault()
            : null;
        return directory is null ? name : Path.Combine(directory, "bin", name);
    }

    public static void EnsureInstalled()
    {
        if (!File.Exists(PostgresBinary("initdb")))
        {
            Install("postgresql");
        }

        if (!Shell.OnPath("redis-server"))
        {
            Install("redis-server");
        }

        // The SMTP server the email tests send through (python3 -m aiosmtpd).
        if (!Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            Install("python3-aiosmtpd");
        }

        // The load generator of `./build.sh bench`, run for a second a scenario by the harness's
        // smoke test (tests/WebApi.IntegrationTests/Bench).
        if (!Shell.OnPath("wrk"))
        {
            Install("wrk");
        }

        // The headless browser the login page is tested in, driven by Playwright. Debian's build,
        // not Playwright's own download (`playwright install` cannot fetch it here).
        if (!File.Exists(Chromium))
        {
            Install("chromium");
        }
    }

    public static void Install(params string[] packages)
    {
        if (!Shell.IsRoot)
        {
            throw new BuildException(
                $"Missing Debian packages: {string.Join(' ', packages)}. Install them (sudo apt-get install -y {string.Join(' ', packages)}) and run again."
            );
        }

        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        if (!_updated)
        {
            Shell.RunOrFail("apt-get", ["update", "-qq"], environment: environment);
            _updated = true;
        }

        Console.WriteLine($"Installing {string.Join(' ', packages)}...");
        Shell.RunOrFail(
            "apt-get",
            ["install", "-y", "-qq", "--no-install-recommends", .. packages],
            environment: environment
        );
    }
}
