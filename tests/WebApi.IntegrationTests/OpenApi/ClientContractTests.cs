using System.Diagnostics;
using System.Net;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.WebApi.IntegrationTests.OpenApi;

/// <summary>
/// Issue 19 point 2: the served document checked by tools nobody here wrote (tests/ClientContract,
/// npm packages pinned by its package-lock.json, installed by <c>./build.sh test</c> under
/// <c>.local/client-contract</c>). Redocly CLI lints it with its recommended rules (zero errors);
/// openapi-typescript generates a client from it that <c>tsc --strict</c> compiles together with
/// a script walking the README flow; the script then runs with openapi-fetch against the API
/// served by Kestrel on a real port. If the document lies about a path, a parameter or a shape,
/// the compile or the run fails.
/// </summary>
[NonParallelizable]
public sealed class ClientContractTests
{
    private static readonly string Project = Path.Combine(
        TestEnvironment.RepositoryRoot(),
        "tests",
        "ClientContract"
    );

    private static readonly string Output = Path.Combine(
        TestEnvironment.RepositoryRoot(),
        ".local",
        "client-contract"
    );

    private static string DocumentPath => Path.Combine(Output, "openapi.json");

    private LedgerApiFactory? _host;
    private Uri? _baseAddress;
    private string? _aliceToken;
    private string? _bobToken;
    private Task<(int Code, string Output)>? _compiled;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await ApiHost.Database.ResetAsync();
        _host = new LedgerApiFactory(ApiHost.Database.ConnectionString, "http-client-contract.log");
        _host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        _baseAddress = new Uri(
            _host
                .Services.GetRequiredService<IServer>()
                .Features.GetRequiredFeature<IServerAddressesFeature>()
                .Addresses.First()
        );

        // Tokens are issued by the host they are used on (its issuer is its own address).
        _aliceToken = await SignInAsync(_baseAddress);
        _bobToken = await SignInAsync(_baseAddress);

        Directory.CreateDirectory(Output);
        using var http = new HttpClient { BaseAddress = _baseAddress };
        await File.WriteAllTextAsync(DocumentPath, await http.GetStringAsync("/openapi/v1.json"));
    }

    private static async Task<string> SignInAsync(Uri baseAddress)
    {
        var email = Pii.Email();
        var password = Pii.Password();
        await ApiUsers.RegisterAsync(email, password, Pii.Name());
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
        };
        using var browser = new Browser(
            new HttpClient(handler) { BaseAddress = baseAddress },
            cookies
        );
        var tokens = await AuthorizationCodeFlow.SignInAsync(email, password, browser);
        return tokens.AccessToken;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Test]
    public async Task Redocly_lints_the_served_document_with_zero_errors()
    {
        var (code, output) = await NodeAsync(
            Tool("@redocly/cli/bin/cli.js"),
            "lint",
            DocumentPath,
            "--config",
            Path.Combine(Project, "redocly.yaml"),
            "--format=stylish"
        );

        code.Should().Be(0, output);
        output.Should().Contain("Woohoo! Your API description is valid.", output);
    }

    [Test]
    public async Task The_generated_client_compiles_with_tsc_strict()
    {
        var (code, output) = await (_compiled ??= CompileAsync());
        code.Should().Be(0, output);
    }

    /// <summary>Generates the client from the served document and compiles it with the walk script.</summary>
    private static async Task<(int Code, string Output)> CompileAsync()
    {
        var generated = Path.Combine(Project, "generated");
        Directory.CreateDirectory(generated);
        var generate = await NodeAsync(
            Tool("openapi-typescript/bin/cli.js"),
            DocumentPath,
            "-o",
            Path.Combine(generated, "ledger.ts")
        );
        if (generate.Code != 0)
        {
            return generate;
        }

        return await NodeAsync(
            Tool("typescript/bin/tsc"),
            "-p",
            Path.Combine(Project, "tsconfig.json")
        );
    }

    [Test]
    public async Task The_generated_client_walks_the_README_flow_against_the_api()
    {
        var (compiled, compileOutput) = await (_compiled ??= CompileAsync());
        compiled.Should().Be(0, compileOutput);
        var script = Path.Combine(Output, "dist", "src", "walk.js");

        var (code, output) = await NodeAsync(
            new Dictionary<string, string>
            {
                ["LEDGER_API_URL"] = _baseAddress!.ToString().TrimEnd('/'),
                ["LEDGER_TOKEN_ALICE"] = _aliceToken!,
                ["LEDGER_TOKEN_BOB"] = _bobToken!,
            },
            script
        );

        code.Should().Be(0, output);
        output.Should().Contain("README flow completed.");
    }

    private static string Tool(string relative)
    {
        var path = Path.Combine(Project, "node_modules", relative);
        File.Exists(path)
            .Should()
            .BeTrue(
                $"the pinned npm packages are installed ({path}); ./build.sh test installs them (npm ci)"
            );
        return path;
    }

    private static Task<(int Code, string Output)> NodeAsync(params string[] arguments) =>
        NodeAsync(new Dictionary<string, string>(), arguments);

    private static async Task<(int Code, string Output)> NodeAsync(
        Dictionary<string, string> environment,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks: the tools run offline against our document only.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
