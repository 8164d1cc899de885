namespace Ledger.WebApi.Auth;

/// <summary>
/// The git-ignored <c>.local</c> folder of the repository the app runs from: where development
/// keys and demo credentials live. The build tool sets <c>LEDGER_ROOT</c>; otherwise the
/// folder holding Ledger.sln above the content root is the repository.
/// </summary>
public static class LocalFolder
{
    public static string For(IHostEnvironment environment)
    {
        var root = Environment.GetEnvironmentVariable("LEDGER_ROOT");
        if (string.IsNullOrWhiteSpace(root))
        {
            root = RepositoryRootAbove(environment.ContentRootPath) ?? environment.ContentRootPath;
        }

        return Path.Combine(root, ".local");
    }

    private static string? RepositoryRootAbove(string path)
    {
        for (
            var directory = new DirectoryInfo(path);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ledger.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
