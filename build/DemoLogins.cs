using System.Text.Json;

namespace Ledger.Build;

/// <summary>
/// The demo users the API seeds in Development (`--seed-demo`), with the random passwords it
/// wrote to .local/demo-credentials.json on first seed.
/// </summary>
internal sealed record DemoLogin(string Email, string DisplayName, string Password)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FileIn(string root) =>
        Path.Combine(root, ".local", "demo-credentials.json");

    public static IReadOnlyList<DemoLogin> Read(string root)
    {
        var file = FileIn(root);
        if (!File.Exists(file))
        {
            throw new BuildException(
                "No demo users yet: ./build.sh run seeds them (and prints their passwords)."
            );
        }

        return JsonSerializer.Deserialize<DemoLoginsFile>(File.ReadAllText(file), Json)?.Users
            ?? [];
    }

    private sealed record DemoLoginsFile(IReadOnlyList<DemoLogin> Users);
}
