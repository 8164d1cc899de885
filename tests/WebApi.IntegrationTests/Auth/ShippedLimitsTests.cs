using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AwesomeAssertions;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>
/// The rate limits production ships (none lifted), through Kestrel on a real port, with clients
/// connecting from distinct loopback source addresses as many real clients would. One host for
/// every test here, counting in the run's Redis under a key prefix of its own.
/// </summary>
public sealed class ShippedLimitsTests : HttpTest
{
    /// <summary>The shipped auth limit: 10 requests per 5 minutes per address and per account.</summary>
    private const int AuthLimit = 10;

    /// <summary>The one address trusted to send X-Forwarded-For.</summary>
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.9.250");

    private static int _nextAddress;
    private ExtraApiHost? _shipped;
    private WebApplicationFactory<Program>? _host;
    private Uri? _baseAddress;

    private WebApplicationFactory<Program> Host =>
        _host ?? throw new InvalidOperationException("Not started.");

    private Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("Not started.");

    [OneTimeSetUp]
    public void StartHost()
    {
        _shipped = new ExtraApiHost(
            "Testing",
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Ledger"] = ApiHost.Database.ConnectionString,
                ["ConnectionStrings:Redis"] = TestEnvironment.RedisConnectionString,
                // Counters of their own in the shared Redis; the limits themselves as shipped.
                ["RateLimiting:KeyPrefix"] = $"shipped-{Guid.NewGuid():N}",
                ["RateLimiting:RedisTimeout"] = "00:00:03",
                ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(),
                ["Auth:WebClient:ClientId"] = TestOAuthClient.ClientId,
                ["Auth:WebClient:RedirectUris:0"] = TestOAuthClient.RedirectUri,
                // The client is registered in the shared database: as the shared host has it.
                ["Auth:WebClient:PostLogoutRedirectUris:0"] = TestOAuthClient.PostLogoutRedirectUri,
            }
        );
        // Not a limit: the cost of one password hash. At Identity's 100,000 PBKDF2 iterations,
        // 200 sign-ins on a loaded 2-core machine spend most of a minute hashing.
        _host = _shipped.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services =>
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000)
            )
        );
        _host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        var address = _host
            .Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        _baseAddress = new Uri(address);
    }

    [OneTimeTearDown]
    public async Task StopHostAsync()
    {
        if (_shipped is not null)
        {
            // Disposes the host derived from it too.
            await _shipped.DisposeAsync();
        }
    }

    [Test]
    public async Task Should_let_200_users_sign_in_and_refresh_from_their_own_addresses_within_one_window()
    {
        var users = await CreateUsersAsync(200);
        var failures = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(
            users,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (user, _) =>
            {
                try
                {
                    using var browser = BrowserFrom(NextAddress());
                    var tokens = await AuthorizationCodeFlow.SignInAsync(
                        user.Email,
                        user.Password,
                        browser
                    );
                    await AuthorizationCodeFlow.RefreshAsync(browser.Client, tokens.RefreshToken!);
                }
                catch (Exception failure)
                    when (failure is TokenRequestFailedException or InvalidOperationException)
                {
                    failures.Add(failure.Message);
                }
            }
        );

        failures.Should().BeEmpty();
    }

    [Test]
    public async Task Should_limit_one_address_guessing_passwords_and_that_account_only()
    {
        var (victim, bystander) = await CreateTwoUsersAsync();
        var guesser = NextAddress();

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= AuthLimit; guess++)
        {
            statuses.Add(await GuessPasswordAsync(guesser, victim.Email));
        }

        statuses.Take(AuthLimit).Should().NotContain(HttpStatusCode.TooManyRequests);
        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
        (await GuessPasswordAsync(guesser, bystander.Email))
            .Should()
            .Be(HttpStatusCode.TooManyRequests, "the address is limited for every account");
        (await GuessPasswordAsync(NextAddress(), victim.Email))
            .Should()
            .Be(HttpStatusCode.TooManyRequests, "the account is limited from every address");
        await SignsInAndRefreshesAsync(bystander, NextAddress());
    }

    [Test]
    public async Task Should_limit_one_address_guessing_codes_and_refresh_tokens_and_nobody_else()
    {
        var (user, _) = await CreateTwoUsersAsync();
        var guesser = NextAddress();
        using var client = ClientFrom(guesser);

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= AuthLimit; guess++)
        {
            statuses.Add(
                await TokenRequestAsync(client, guess % 2 == 0 ? GuessRefreshToken() : GuessCode())
            );
        }

        statuses.Take(AuthLimit).Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
        // Issue 20 #1: another address with the same public client id was refused too.
        using var elsewhere = ClientFrom(NextAddress());
        (await TokenRequestAsync(elsewhere, GuessRefreshToken()))
            .Should()
            .Be(HttpStatusCode.BadRequest);
        await SignsInAndRefreshesAsync(user, NextAddress());
    }

    [Test]
    public async Task Should_limit_each_client_behind_the_configured_proxy_by_its_forwarded_address()
    {
        var (user, _) = await CreateTwoUsersAsync();
        var guesser = "203.0.113.7";

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= AuthLimit; guess++)
        {
            using var viaProxy = ClientFrom(Proxy, forwardedFor: guesser);
            statuses.Add(await TokenRequestAsync(viaProxy, GuessRefreshToken()));
        }

        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
        await SignsInAndRefreshesAsync(user, Proxy, forwardedFor: "203.0.113.8");
    }

    [Test]
    public async Task Should_ignore_forwarded_addresses_from_a_peer_that_is_no_configured_proxy()
    {
        var spoofer = NextAddress();

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= AuthLimit; guess++)
        {
            using var client = ClientFrom(spoofer, forwardedFor: $"198.51.100.{guess + 1}");
            statuses.Add(await TokenRequestAsync(client, GuessRefreshToken()));
        }

        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_count_the_login_form_email_whatever_the_query_says()
    {
        var (victim, _) = await CreateTwoUsersAsync();

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= AuthLimit; guess++)
        {
            statuses.Add(
                await GuessPasswordAsync(NextAddress(), victim.Email, $"?email=decoy{guess}")
            );
        }

        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_count_the_presented_refresh_token_whatever_client_id_the_query_names()
    {
        var stolen = GuessRefreshToken();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= AuthLimit; attempt++)
        {
            using var client = ClientFrom(NextAddress());
            statuses.Add(await TokenRequestAsync(client, stolen, $"?client_id=decoy{attempt}"));
        }

        statuses.Take(AuthLimit).Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_count_unicode_variants_and_cases_of_one_email_as_one_account()
    {
        var local = $"jos\u00e9-{Guid.NewGuid():N}";
        var composed = $"{local}@{Pii.EmailDomain}".Normalize(NormalizationForm.FormC);
        string[] spellings =
        [
            composed,
            composed.Normalize(NormalizationForm.FormD),
            composed.ToUpperInvariant().Normalize(NormalizationForm.FormD),
        ];

        var statuses = new List<HttpStatusCode>();
        for (var guess = 0; guess <= AuthLimit; guess++)
        {
            statuses.Add(await GuessPasswordAsync(NextAddress(), spellings[guess % 3]));
        }

        statuses[AuthLimit].Should().Be(HttpStatusCode.TooManyRequests);
    }

    /// <summary>
    /// Issue 20 #14: `./build.sh token` (the README walkthrough) run more often in one window than
    /// the auth limit allows sign-ins; it signs in once and reuses the kept token after that.
    /// </summary>
    [Test]
    public async Task Should_let_the_token_target_run_more_often_than_the_limit_by_reusing_its_kept_token()
    {
        var user = (await CreateUsersAsync(1))[0];
        var root = Directory.CreateTempSubdirectory("ledger-token-").FullName;
        try
        {
            WriteTokenTargetRoot(root, user);
            var tokens = new List<string>();
            for (var run = 0; run <= AuthLimit; run++)
            {
                tokens.Add(await RunTokenTargetAsync(root));
            }

            using var client = ClientFrom(NextAddress());
            foreach (var token in tokens.Distinct())
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
                request.Headers.Authorization = new("Bearer", token);
                (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>What the build tool reads: the repository marker, the web client, the demo users.</summary>
    private static void WriteTokenTargetRoot(string root, TestUser user)
    {
        File.WriteAllText(Path.Combine(root, "Ledger.sln"), "");
        var settings = Directory.CreateDirectory(Path.Combine(root, "src", "WebApi")).FullName;
        File.WriteAllText(
            Path.Combine(settings, "appsettings.Development.json"),
            System.Text.Json.JsonSerializer.Serialize(
                new
                {
                    Auth = new
                    {
                        WebClient = new
                        {
                            TestOAuthClient.ClientId,
                            RedirectUris = new[] { TestOAuthClient.RedirectUri },
                        },
                    },
                }
            )
        );
        var local = Directory.CreateDirectory(Path.Combine(root, ".local")).FullName;
        File.WriteAllText(
            Path.Combine(local, "demo-credentials.json"),
            System.Text.Json.JsonSerializer.Serialize(
                new
                {
                    users = new[]
                    {
                        new
                        {
                            email = user.Email,
                            displayName = "Token Target",
                            password = user.Password,
                        },
                    },
                }
            )
        );
    }

    /// <summary>The real build tool's `token` target against this host; its access token.</summary>
    private async Task<string> RunTokenTargetAsync(string root)
    {
        var tool = Path.Combine(
            TestEnvironment.RepositoryRoot(),
            "build",
            "bin",
            "Release",
            "net10.0",
            "ledger-build.dll"
        );
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { tool, "token" },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["LEDGER_API_URL"] = BaseAddress.ToString().TrimEnd('/') },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await error);
        // The target waits out a 429 and tries once more: a run told to wait was a run that
        // signed in again instead of reusing the kept token.
        (await error)
            .Should()
            .NotContain("rate limit", "no run of the target may meet the auth limit");
        return (await output).Trim();
    }

    private async Task SignsInAndRefreshesAsync(
        TestUser user,
        IPAddress address,
        string? forwardedFor = null
    )
    {
        using var browser = BrowserFrom(address, forwardedFor);
        var tokens = await AuthorizationCodeFlow.SignInAsync(user.Email, user.Password, browser);
        var refreshed = await AuthorizationCodeFlow.RefreshAsync(
            browser.Client,
            tokens.RefreshToken!
        );
        refreshed.AccessToken.Should().NotBeNullOrEmpty();
    }

    /// <summary>Fetches the login form and posts a wrong password, as a guesser would.</summary>
    private async Task<HttpStatusCode> GuessPasswordAsync(
        IPAddress address,
        string email,
        string query = ""
    )
    {
        using var browser = BrowserFrom(address);
        var form = await browser.OpenLoginPageAsync(LoginForm.Action);
        using var response = await browser.Client.PostAsync(
            LoginForm.Action + query,
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    [form.AntiforgeryFieldName] = form.AntiforgeryToken,
                    ["returnUrl"] = "",
                    ["email"] = email,
                    ["password"] = Pii.Password(),
                }
            )
        );
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> TokenRequestAsync(
        HttpClient client,
        Dictionary<string, string> form,
        string query = ""
    )
    {
        using var response = await client.PostAsync(
            "/connect/token" + query,
            new FormUrlEncodedContent(form)
        );
        return response.StatusCode;
    }

    private static Dictionary<string, string> GuessRefreshToken() =>
        new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TestOAuthClient.ClientId,
            ["refresh_token"] = Guid.NewGuid().ToString("N"),
        };

    private static Dictionary<string, string> GuessCode() =>
        new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TestOAuthClient.ClientId,
            ["code"] = Guid.NewGuid().ToString("N"),
            ["code_verifier"] = Pkce.Create().Verifier,
            ["redirect_uri"] = TestOAuthClient.RedirectUri,
        };

    /// <summary>A loopback address no other test of the run has used (127.0.10.0 onwards).</summary>
    private static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return new IPAddress([127, (byte)(10 + n / 250), (byte)(n % 250), 1]);
    }

    private Browser BrowserFrom(IPAddress source, string? forwardedFor = null)
    {
        var cookies = new CookieContainer();
        return new Browser(ClientFrom(source, forwardedFor, cookies), cookies);
    }

    /// <summary>Real HTTP to Kestrel from this source address; cookies kept when given a jar.</summary>
    private HttpClient ClientFrom(
        IPAddress source,
        string? forwardedFor = null,
        CookieContainer? cookies = null
    )
    {
        var port = BaseAddress.Port;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(
                    AddressFamily.InterNetwork,
                    SocketType.Stream,
                    ProtocolType.Tcp
                )
                {
                    NoDelay = true,
                };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(
                        new IPEndPoint(IPAddress.Loopback, port),
                        cancellationToken
                    );
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private async Task<(TestUser, TestUser)> CreateTwoUsersAsync()
    {
        var users = await CreateUsersAsync(2);
        return (users[0], users[1]);
    }

    /// <summary>
    /// Users straight into the database (registration is rate limited too, and hashing 200
    /// passwords would cost seconds): all share one password, hashed once.
    /// </summary>
    private async Task<List<TestUser>> CreateUsersAsync(int count)
    {
        var password = Pii.Password();
        await using var scope = Host.Services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var hash = hasher.HashPassword(new ApplicationUser(), password);
        var users = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var email = Pii.Email();
            db.Users.Add(
                new ApplicationUser
                {
                    Id = id,
                    UserName = id.ToString("N"),
                    NormalizedUserName = normalizer.NormalizeName(id.ToString("N")),
                    Email = email,
                    NormalizedEmail = normalizer.NormalizeEmail(email),
                    EmailConfirmed = true,
                    DisplayName = Pii.Name(),
                    PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            users.Add(new TestUser(email, password));
        }

        await db.SaveChangesAsync();
        return users;
    }

    private sealed record TestUser(string Email, string Password);
}
