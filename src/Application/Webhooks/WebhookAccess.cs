using System.Net;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;

namespace Ledger.Application.Webhooks;

/// <summary>
/// A command on one of a group's webhook subscriptions (ping, rotate its secret, redeliver an
/// event, delete it): members and partners with a grant get past the authorization behaviour,
/// then <see cref="WebhookAccess.FindAsync(WebhookSubscriptionCommand{TResult}, CancellationToken)"/>
/// finds the subscription the caller manages.
/// </summary>
public abstract record WebhookSubscriptionCommand<TResult>(GroupId GroupId, Guid SubscriptionId)
    : ICommand<TResult>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

/// <summary>
/// Who manages a group's webhook subscriptions. The authorization behaviour has already let
/// through members and partners with a grant on the group; of the members, only owners may
/// go on, and each caller sees its own kind: owners the subscriptions owners made, a partner its own.
/// </summary>
public sealed class WebhookAccess(IApplicationDbContext db, ICurrentPrincipal principal)
{
    public async Task<Actor> EnsureAsync(GroupId groupId, CancellationToken cancellationToken)
    {
        if (principal.IsPartner)
        {
            return Actor.Client(principal.ClientId!);
        }

        var userId = principal.RequireUserId();
        var isOwner = await db.Memberships.AnyAsync(
            m =>
                m.GroupId == groupId
                && m.UserId == userId
                && m.LeftAt == null
                && m.Role == GroupRole.Owner,
            cancellationToken
        );
        return isOwner
            ? Actor.User(userId)
            : throw new ForbiddenException("Only an owner of this group can manage its webhooks.");
    }

    /// <summary>
    /// One subscription the caller manages (checked as <see cref="EnsureAsync"/>), tracked;
    /// 404 for one of another group or another kind of caller.
    /// </summary>
    public async Task<WebhookSubscription> FindAsync(
        GroupId groupId,
        Guid subscriptionId,
        CancellationToken cancellationToken
    )
    {
        var caller = await EnsureAsync(groupId, cancellationToken);
        return await Visible(groupId, caller)
                .FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken)
            ?? throw new NotFoundException("webhook subscription");
    }

    /// <summary>The subscription <paramref name="command"/> names, as <see cref="FindAsync(GroupId, Guid, CancellationToken)"/>.</summary>
    public Task<WebhookSubscription> FindAsync<TResult>(
        WebhookSubscriptionCommand<TResult> command,
        CancellationToken cancellationToken
    ) => FindAsync(command.GroupId, command.SubscriptionId, cancellationToken);

    /// <summary>The subscriptions of the group the caller may see.</summary>
    public IQueryable<WebhookSubscription> Visible(GroupId groupId, Actor caller) =>
        caller.ClientId is { } clientId
            ? db.WebhookSubscriptions.Where(s =>
                s.GroupId == groupId && s.CreatedBy.ClientId == clientId
            )
            : db.WebhookSubscriptions.Where(s =>
                s.GroupId == groupId && s.CreatedBy.ClientId == null
            );
}

/// <summary>Which URLs may receive webhooks.</summary>
public static class WebhookUrls
{
    /// <summary>
    /// An absolute https URL without credentials whose host is not a literal loopback,
    /// private, link-local, multicast or metadata address nor <c>localhost</c>. A host name is
    /// checked again where it matters, against the address actually connected to (ADR 0031).
    /// </summary>
    public static bool IsAcceptable(string? url) => IsAcceptable(url, allowLoopback: false);

    /// <summary>
    /// As <see cref="IsAcceptable(string?)"/>; with <paramref name="allowLoopback"/> (tests with a
    /// local receiver: <see cref="WebhookOptions.AllowLoopback"/>, forced off in Production) a
    /// loopback URL is also accepted, over http or https.
    /// </summary>
    public static bool IsAcceptable(string? url, bool allowLoopback) =>
        (allowLoopback && IsLoopbackUrl(url)) || IsPublicHttps(url);

    private static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.UserInfo)
        && url!.Length <= WebhookSubscription.UrlMaxLength
        && uri.IsLoopback;

    private static bool IsPublicHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo)
        && url!.Length <= WebhookSubscription.UrlMaxLength
        && !uri.IsLoopback
        && !(
            IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IsForbidden(address)
        );

    /// <summary>Addresses a webhook must never reach in production.</summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (
            IPAddress.IsLoopback(address)
            || address.Equals(IPAddress.Any)
            || address.Equals(IPAddress.IPv6Any)
        )
        {
            return true;
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast
                || address.IsIPv6UniqueLocal
                || first == 0;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) // link-local, including 169.254.169.254 (cloud metadata)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
            || b[0] >= 224; // multicast and reserved
    }
}

/// <summary>A subscription as its owner sees it: never the secret, which is shown once at creation.</summary>
/// <param name="State"><c>active</c>, <c>failing</c> (a delivery was given up; cleared by the next success) or <c>disabled</c> (failing too long; a test ping re-enables it).</param>
public sealed record WebhookSubscriptionDto(
    Guid Id,
    Guid GroupId,
    string Url,
    DateTimeOffset CreatedAt,
    string State,
    DateTimeOffset? FailingSince,
    DateTimeOffset? DisabledAt
)
{
    public static WebhookSubscriptionDto From(WebhookSubscription s) =>
        new(s.Id, s.GroupId.Value, s.Url, s.CreatedAt, s.State, s.FailingSince, s.DisabledAt);
}

/// <summary>A new subscription with its signing secret, which is not shown again.</summary>
public sealed record CreatedWebhookSubscriptionDto(
    Guid Id,
    Guid GroupId,
    string Url,
    DateTimeOffset CreatedAt,
    string Secret
);
