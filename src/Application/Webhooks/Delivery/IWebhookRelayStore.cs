using Ledger.Domain.Integrations;

namespace Ledger.Application.Webhooks.Delivery;

/// <summary>
/// The relay's claims, in the command's transaction (ADR 0032). Implemented in SQL: the claims
/// need <c>FOR UPDATE SKIP LOCKED</c> and advisory locks that EF Core does not express.
/// </summary>
public interface IWebhookRelayStore
{
    /// <summary>
    /// Hands up to <paramref name="batchSize"/> unprocessed outbox events on: one pending
    /// delivery per matching subscription (same group, not disabled, the partner's grant still
    /// active, the group active — except for the group's own lifecycle events), in event order;
    /// marks the events processed. Fan-outs run one at a time across the cluster so that
    /// deliveries are queued in one order; returns -1 when another fan-out is running.
    /// </summary>
    Task<int> FanOutAsync(int batchSize, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels pending deliveries that may no longer be sent (grant revoked, group closed), then
    /// claims up to <paramref name="count"/> subscriptions whose oldest pending delivery is due,
    /// each with a transaction-scoped advisory lock that a concurrent round skips, so that one
    /// subscription is served by one round at a time and its deliveries go out in order.
    /// </summary>
    Task<IReadOnlyList<Guid>> ClaimSubscriptionsAsync(
        int count,
        DateTimeOffset now,
        CancellationToken cancellationToken
    );
}

/// <summary>Sends one signed delivery over HTTP (Standard Webhooks headers, per-attempt timeout, no redirects, checked addresses).</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(
        string url,
        IReadOnlyList<string> secrets,
        WebhookDelivery delivery,
        CancellationToken cancellationToken
    );
}

/// <param name="StatusCode">The answer's status, if one came.</param>
/// <param name="Outcome">
/// <c>delivered</c> (2xx), <c>http-error</c>, <c>timeout</c>, <c>connection-failed</c> or
/// <c>address-refused</c> (the address connected to is not allowed).
/// </param>
/// <param name="Snippet">At most the first 200 characters of the answer.</param>
public sealed record WebhookSendResult(
    bool Succeeded,
    int? StatusCode,
    TimeSpan Duration,
    string Outcome,
    string? Snippet
);
