using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Delivery;
using Ledger.Domain.Integrations;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Webhooks;

/// <summary>
/// Posts a delivery to its subscription's URL (ADR 0032): Standard Webhooks headers signed with
/// every current secret, a timeout per attempt, no redirect followed, no proxy, no cookies, and
/// the address actually connected to checked after DNS (<see cref="WebhookAddressPolicy"/>), so
/// a host name that resolves to a private or metadata address is never reached. Only https,
/// unless loopback is allowed (tests; never in Production).
/// </summary>
public sealed class WebhookHttpSender : IWebhookSender, IDisposable
{
    private const int SnippetBytes = 1024;
    private readonly HttpClient _client;
    private readonly WebhookOptions _options;

    public WebhookHttpSender(IOptions<WebhookOptions> options)
    {
        _options = options.Value;
        var policy = new WebhookAddressPolicy(_options.AllowLoopback);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = _options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = policy.ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Ledger-Webhooks/1");
    }

    public async Task<WebhookSendResult> SendAsync(
        string url,
        IReadOnlyList<string> secrets,
        WebhookDelivery delivery,
        CancellationToken cancellationToken
    )
    {
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri(url);
        if (uri.Scheme != Uri.UriSchemeHttps && !_options.AllowLoopback)
        {
            return new WebhookSendResult(false, null, TimeSpan.Zero, "address-refused", null);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        foreach (
            var (name, value) in WebhookSigner.Headers(
                [.. secrets],
                delivery.EventId.ToString(),
                DateTimeOffset.UtcNow,
                delivery.Body
            )
        )
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _client.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                attempt.Token
            );
            var snippet = await SnippetAsync(response, attempt.Token);
            var status = (int)response.StatusCode;
            var ok = status is >= 200 and < 300;
            return new WebhookSendResult(
                ok,
                status,
                Stopwatch.GetElapsedTime(started),
                ok ? "delivered" : "http-error",
                snippet
            );
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed("timeout", started);
        }
        catch (HttpRequestException failure)
            when (failure.InnerException is WebhookAddressRefusedException)
        {
            return Failed("address-refused", started);
        }
        catch (HttpRequestException)
        {
            return Failed("connection-failed", started);
        }
    }

    public void Dispose() => _client.Dispose();

    private static WebhookSendResult Failed(string outcome, long started) =>
        new(false, null, Stopwatch.GetElapsedTime(started), outcome, null);

    /// <summary>At most the first kilobyte of the answer, as text without control characters, cut to the log's length.</summary>
    private static async Task<string?> SnippetAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[SnippetBytes];
            var read = 0;
            int n;
            while (
                read < buffer.Length
                && (n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0
            )
            {
                read += n;
            }

            if (read == 0)
            {
                return null;
            }

            var text = new string([
                .. Encoding
                    .UTF8.GetString(buffer, 0, read)
                    .Select(c => char.IsControl(c) ? ' ' : c),
            ]).Trim();
            return text.Length > WebhookDeliveryAttempt.SnippetMaxLength
                ? text[..WebhookDeliveryAttempt.SnippetMaxLength]
                : text;
        }
        catch (Exception failure) when (failure is IOException or HttpRequestException)
        {
            return null;
        }
    }
}

/// <summary>
/// Which addresses a webhook may connect to: never loopback, private, link-local (with the
/// 169.254.169.254 metadata address), carrier-grade NAT, multicast or reserved ones
/// (<see cref="WebhookUrls.IsForbidden"/>), checked on the addresses DNS answered, just before
/// connecting. Loopback only when allowed (tests).
/// </summary>
public sealed class WebhookAddressPolicy(bool allowLoopback)
{
    public bool IsAllowed(IPAddress address) =>
        !WebhookUrls.IsForbidden(address)
        || (
            allowLoopback
            && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        );

    /// <summary>The connect step of the delivery client: resolve, drop refused addresses, connect to an allowed one.</summary>
    public async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        CancellationToken cancellationToken
    )
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Every address the webhook's host resolved to is one a webhook must not reach.</summary>
public sealed class WebhookAddressRefusedException()
    : IOException("The webhook's host resolves only to addresses webhooks may not reach.");
