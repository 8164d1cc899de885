using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ledger.WebApi.RateLimiting;

/// <summary>
/// Who the client really is. Behind a load balancer every connection comes from the balancer,
/// so per-address limits would cover the whole service; <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are therefore honoured, but only when the connection comes from a
/// proxy named in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR). None are trusted by default: a header sent by
/// anyone else is ignored, so it cannot be used to pick another client's rate-limit bucket.
/// </summary>
public static class ClientAddresses
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddLedgerClientAddresses(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>(
                (options, configuration) => Configure(options, configuration.GetSection(Section))
            );
        return builder;
    }

    private static void Configure(ForwardedHeadersOptions options, IConfiguration section)
    {
        var proxies = Values(section, "KnownProxies")
            .Select(value =>
                IPAddress.TryParse(value, out var address)
                    ? address
                    : throw Invalid(value, "KnownProxies")
            )
            .ToList();
        var networks = Values(section, "KnownNetworks")
            .Select(value =>
                System.Net.IPNetwork.TryParse(value, out var network)
                    ? network
                    : throw Invalid(value, "KnownNetworks")
            )
            .ToList();

        // The framework trusts loopback by default, and with both lists empty it would trust
        // everyone: here only what configuration names, and nothing when it names nothing.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // Obsolete, but still consulted: it holds 127.0.0.0/8.
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        options.ForwardedHeaders =
            proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Walked from the right, stopping at the first address that is not a known proxy.
        options.ForwardLimit = null;
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    /// <summary>First in the pipeline, so every limit, log and redirect sees the real client.</summary>
    public static WebApplication UseLedgerClientAddresses(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static IEnumerable<string> Values(IConfiguration section, string name)
    {
        var child = section.GetSection(name);
        // A list (KnownProxies:0, KnownProxies:1) or one comma-separated value.
        var values = child
            .GetChildren()
            .Select(entry => entry.Value)
            .Append(child.Value)
            .OfType<string>();
        return values
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(value => value.Trim())
            .Where(value => value.Length > 0);
    }

    private static InvalidOperationException Invalid(string value, string name) =>
        new($"Configuration setting {Section}:{name} has an invalid entry '{value}'.");
}
