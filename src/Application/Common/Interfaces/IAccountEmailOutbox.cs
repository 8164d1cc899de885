namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// The queue of account emails that <see cref="IAccountMailer"/> fills in commands'
/// transactions (ADR 0036), worked through by the worker.
/// </summary>
public interface IAccountEmailOutbox
{
    /// <summary>
    /// Claims one batch of due emails in the caller's transaction (<c>FOR UPDATE SKIP LOCKED</c>,
    /// so several workers share the queue), sends them, marks each sent or due again later
    /// (backoff), abandons those whose link expired or whose account is gone, and purges one
    /// batch of rows past their retention.
    /// </summary>
    Task<AccountEmailBatch> SendDueAsync(CancellationToken cancellationToken);
}

/// <param name="More">The batch was full: more emails may be due now.</param>
public sealed record AccountEmailBatch(int Sent, int Failed, int Abandoned, int Purged, bool More);
