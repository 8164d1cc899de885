using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Turns a request into the keys it is limited by, e.g. <c>ip:…</c> and <c>account:…</c>. Every
/// value is hashed: keys in Redis and in memory hold no address, id or email in the clear.
/// </summary>
internal static class PartitionKeys
{
    public const char Separator = '|';

    public static string For(HttpContext context, IReadOnlyList<RateLimitPartitionBy> partitions)
    {
        var keys = partitions
            .Select(partition =>
                partition switch
                {
                    RateLimitPartitionBy.User => ClaimOrIp(context, "sub", "user"),
                    RateLimitPartitionBy.Client => ClaimOrIp(context, "client_id", "client"),
                    RateLimitPartitionBy.Account => context.Features.Get<RateLimitAccount>()?.Key,
                    _ => Ip(context),
                }
            )
            .OfType<string>()
            .Distinct();
        return string.Join(Separator, keys);
    }

    public static string Hashed(string kind, string value) =>
        $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32]}";

    private static string ClaimOrIp(HttpContext context, string claimType, string kind) =>
        context.User.FindFirst(claimType)?.Value is { Length: > 0 } value
            ? Hashed(kind, value)
            : Ip(context);

    private static string Ip(HttpContext context) =>
        Hashed("ip", Network(context.Connection.RemoteIpAddress));

    // One IPv6 host usually owns a whole /64, so that is what one caller is.
    private static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
