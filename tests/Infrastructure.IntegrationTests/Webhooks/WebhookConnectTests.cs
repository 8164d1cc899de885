using System.Collections.Concurrent;
using AwesomeAssertions;
using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Commands.CreateWebhookSubscription;
using Ledger.Application.Webhooks.Delivery;
using Ledger.Domain.Integrations;
using Ledger.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.IntegrationTests.Webhooks;

/// <summary>
/// SSRF protection where it matters: the address the delivery client actually connects to,
/// after DNS. A real receiver listens on loopback; the name <c>localhost</c> resolves to it, so a
/// creation-time check of the URL's text could not have caught it. Loopback is reachable only
/// when configuration allows it (tests), never by default and never in Production.
/// </summary>
public sealed class WebhookConnectTests
{
    private WebApplication _receiver = null!;
    private int _port;
    private readonly ConcurrentQueue<string> _received = new();

    [OneTimeSetUp]
    public async Task StartReceiverAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory }
        );
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost(
            "/{**path}",
            (Microsoft.AspNetCore.Http.HttpContext context) =>
            {
                _received.Enqueue(context.Request.Headers["webhook-id"].ToString());
                return Microsoft.AspNetCore.Http.Results.NoContent();
            }
        );
        await _receiver.StartAsync();
        _port = new Uri(
            _receiver
                .Services.GetRequiredService<IServer>()
                .Features.Get<IServerAddressesFeature>()!
                .Addresses.First()
        ).Port;
    }

    [OneTimeTearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    [Test]
    public async Task Should_refuse_at_connect_time_a_host_name_that_resolves_to_loopback()
    {
        using var client = new HttpClient(
            new SocketsHttpHandler
            {
                ConnectCallback = new WebhookAddressPolicy(allowLoopback: false).ConnectAsync,
            }
        );

        var before = _received.Count;

        var act = () => client.PostAsync($"http://localhost:{_port}/hook", null);

        (
            await act.Should().ThrowAsync<HttpRequestException>()
        ).WithInnerException<WebhookAddressRefusedException>();
        _received.Count.Should().Be(before, "nothing reached the receiver");
    }

    [TestCase("127.0.0.1", false)]
    [TestCase("10.0.0.7", false)]
    [TestCase("172.20.1.1", false)]
    [TestCase("192.168.1.1", false)]
    [TestCase("169.254.169.254", false)]
    [TestCase("224.0.0.1", false)]
    [TestCase("::1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("fd00::1", false)]
    [TestCase("::ffff:10.0.0.1", false)]
    [TestCase("93.184.216.34", true)]
    [TestCase("2606:4700::1111", true)]
    [TestCase("127.0.0.1", true, true)]
    [TestCase("10.0.0.7", false, true)]
    public void Should_allow_only_public_addresses_and_loopback_only_when_configured(
        string address,
        bool allowed,
        bool allowLoopback = false
    ) =>
        new WebhookAddressPolicy(allowLoopback)
            .IsAllowed(System.Net.IPAddress.Parse(address))
            .Should()
            .Be(allowed);

    [Test]
    public async Task Should_reach_a_loopback_receiver_only_when_configured_and_never_in_production()
    {
        var delivery = WebhookDelivery.Create(
            Guid.NewGuid(),
            Guid.NewGuid(),
            "webhook.ping",
            "{}",
            DateTimeOffset.UtcNow
        );
        var url = $"http://localhost:{_port}/hook";
        var before = _received.Count;

        var testing = await SendAsync("Testing", allowLoopback: true, url, delivery);
        var byDefault = await SendAsync("Testing", allowLoopback: false, url, delivery);
        var production = await SendAsync("Production", allowLoopback: true, url, delivery);
        var productionHttps = await SendAsync(
            "Production",
            allowLoopback: true,
            $"https://localhost:{_port}/hook",
            delivery
        );

        testing.Outcome.Should().Be("delivered");
        testing.StatusCode.Should().Be(204);
        byDefault.Outcome.Should().Be("address-refused");
        production.Outcome.Should().Be("address-refused");
        productionHttps
            .Outcome.Should()
            .Be("address-refused", "the address is checked at connect time");
        _received.Count.Should().Be(before + 1, "only the allowed attempt arrived");
        _received.Last().Should().Be(delivery.EventId.ToString());
    }

    [TestCase("https://10.0.0.1/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("http://127.0.0.1:8080/hook")]
    [TestCase("https://localhost/hook")]
    [TestCase("http://hooks.example.com/ledger")]
    public void Should_refuse_a_private_or_insecure_url_at_creation_in_production_even_if_loopback_is_configured(
        string url
    )
    {
        using var services = Services("Production", allowLoopback: true);
        var validator = new CreateWebhookSubscriptionValidator(
            services.GetRequiredService<IOptions<WebhookOptions>>()
        );

        var result = validator.Validate(
            new CreateWebhookSubscription(Domain.Common.GroupId.From(Guid.NewGuid()), url)
        );

        result.IsValid.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.ErrorCode.Should().Be("webhook.url");
    }

    private static async Task<WebhookSendResult> SendAsync(
        string environment,
        bool allowLoopback,
        string url,
        WebhookDelivery delivery
    )
    {
        await using var services = Services(environment, allowLoopback);
        var sender = services.GetRequiredService<IWebhookSender>();
        return await sender.SendAsync(
            url,
            ["whsec_" + Convert.ToBase64String(new byte[32])],
            delivery,
            CancellationToken.None
        );
    }

    /// <summary>The webhook services as a host of that environment registers them (AddWebhooks).</summary>
    private static ServiceProvider Services(string environment, bool allowLoopback)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Webhooks:AllowLoopback"] = allowLoopback.ToString(),
                    ["ConnectionStrings:Ledger"] = "Host=unused",
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new Environment(environment));
        services.AddWebhooks(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Ledger.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
