using System.Security.Cryptography;
using System.Text;

namespace Ledger.Build;

/// <summary>
/// The npm packages of the client-contract tests (tests/ClientContract: Redocly CLI,
/// openapi-typescript, openapi-fetch, TypeScript), pinned by its package-lock.json. Installed
/// with <c>npm ci</c> under <c>.local/client-contract</c>, again only when the lock file changes,
/// and linked into the project as its node_modules (ADR 0040). Node.js and npm come with the
/// machine (Debian's nodejs package).
/// </summary>
internal static class ClientContract
{
    public const string Project = "tests/ClientContract";

    public static void Prepare(string root)
    {
        var project = Path.Combine(root, Project);
        var lockFile = Path.Combine(project, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            return;
        }

        if (!Shell.OnPath("npm") || !Shell.OnPath("node"))
        {
            Console.WriteLine(
                "Node.js and npm are missing (apt-get install nodejs): the client-contract tests will fail."
            );
            return;
        }

        var cache = Path.Combine(root, ".local", "client-contract");
        var modules = Path.Combine(cache, "node_modules");
        var stamp = Path.Combine(cache, ".installed");
        var hash = Convert.ToHexString(
            SHA256.HashData(
                Encoding.UTF8.GetBytes(
                    File.ReadAllText(Path.Combine(project, "package.json"))
                        + File.ReadAllText(lockFile)
                )
            )
        );
        Directory.CreateDirectory(cache);
        if (
            !Directory.Exists(modules)
            || !File.Exists(stamp)
            || File.ReadAllText(stamp).Trim() != hash
        )
        {
            File.Copy(
                Path.Combine(project, "package.json"),
                Path.Combine(cache, "package.json"),
                overwrite: true
            );
            File.Copy(lockFile, Path.Combine(cache, "package-lock.json"), overwrite: true);
            Console.WriteLine("Installing the client-contract npm packages (npm ci)...");
            var code = Shell.Run(
                "npm",
                ["ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cache
            );
            if (code != 0)
            {
                Console.WriteLine(
                    $"npm ci exited with {code}: the client-contract tests will fail."
                );
                return;
            }

            File.WriteAllText(stamp, hash);
        }

        var link = Path.Combine(project, "node_modules");
        var info = new DirectoryInfo(link);
        if (info.LinkTarget is not null && info.LinkTarget != modules)
        {
            info.Delete();
        }

        if (!info.Exists && info.LinkTarget is null)
        {
            Directory.CreateSymbolicLink(link, modules);
        }
    }
}
