using AwesomeAssertions;
using Ledger.Infrastructure.RateLimiting;
using Ledger.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

public sealed class RateLimitingOptionsTests
{
    [Test]
    public void Should_keep_the_defaults_a_setting_does_not_override()
    {
        var options = Bind(new() { ["RateLimiting:Policies:auth:PermitLimit"] = "3" });

        var auth = options.Policies[RateLimitPolicies.Auth];
        auth.PermitLimit.Should().Be(3);
        auth.Window.Should().Be(TimeSpan.FromMinutes(5));
        auth.PartitionBy.Should().Be("Ip,Account");
        options
            .Policies.Keys.Should()
            .Contain([
                RateLimitPolicies.Default,
                RateLimitPolicies.Auth,
                RateLimitPolicies.Expensive,
                RateLimitPolicies.Partner,
            ]);
    }

    [TestCase("PermitLimit", "0")]
    [TestCase("Window", "00:00:00")]
    [TestCase("PartitionBy", "Account")]
    [TestCase("PartitionBy", "Ip,Cookie")]
    public async Task Should_refuse_to_start_with_a_policy_that_would_not_limit(
        string setting,
        string value
    )
    {
        var start = () =>
            RateLimitedApp.StartAsync(
                TestEnvironment.RedisConnectionString,
                RedisKeys.UniquePrefix(),
                new Dictionary<string, string?>
                {
                    [$"RateLimiting:Policies:auth:{setting}"] = value,
                }
            );

        await start.Should().ThrowAsync<OptionsValidationException>();
    }

    [Test]
    public void Should_name_the_policy_and_setting_that_is_wrong()
    {
        var bind = () => Bind(new() { ["RateLimiting:Policies:partner:TokensPerPeriod"] = "0" });

        bind.Should()
            .Throw<OptionsValidationException>()
            .WithMessage("*RateLimiting:Policies:partner: TokensPerPeriod*");
    }

    private static RateLimitingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddLedgerRateLimiting(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
    }
}
