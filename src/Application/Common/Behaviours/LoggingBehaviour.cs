using System.Diagnostics;
using Ledger.Application.Common.Telemetry;
using Microsoft.Extensions.Logging;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: one structured line per message with its type name, the caller's ids,
/// the group id when there is one, the outcome and the elapsed time. It never logs the message
/// itself: bodies carry emails, names and typed descriptions (docs/requirements.md A9).
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ICurrentPrincipal principal,
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        var started = Stopwatch.GetTimestamp();
        var groupId = (message as IRequiresAccess)?.Access.GroupId?.Value;
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Elapsed(started);
            LogHandled(
                MessageName,
                principal.UserId?.Value,
                principal.ClientId,
                groupId,
                "ok",
                elapsed
            );
            LedgerMetrics.MessageHandled(MessageName, "ok", elapsed);
            return response;
        }
        catch (Exception exception) when (Outcome(exception) is { } outcome)
        {
            var elapsed = Elapsed(started);
            LogHandled(
                MessageName,
                principal.UserId?.Value,
                principal.ClientId,
                groupId,
                outcome,
                elapsed
            );
            LedgerMetrics.MessageHandled(MessageName, outcome, elapsed);
            throw;
        }
        catch (Exception exception)
        {
            var elapsed = Elapsed(started);
            LogFailed(
                exception,
                MessageName,
                principal.UserId?.Value,
                principal.ClientId,
                groupId,
                elapsed
            );
            LedgerMetrics.MessageHandled(MessageName, "failed", elapsed);
            throw;
        }
    }

    /// <summary>The outcome word of an expected refusal; null for a real failure.</summary>
    private static string? Outcome(Exception exception) =>
        exception switch
        {
            DomainException domain => domain.Code,
            FluentValidation.ValidationException => "invalid",
            NotFoundException => "not-found",
            ForbiddenException => "forbidden",
            UnauthenticatedException => "unauthenticated",
            VersionConflictException => "version-conflict",
            OperationCanceledException => "cancelled",
            _ => null,
        };

    private static double Elapsed(long started) =>
        Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Handled {MessageType} for user {UserId} client {ClientId} group {GroupId}: {Outcome} in {ElapsedMs:0.0} ms"
    )]
    private partial void LogHandled(
        string messageType,
        Guid? userId,
        string? clientId,
        Guid? groupId,
        string outcome,
        double elapsedMs
    );

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Failed {MessageType} for user {UserId} client {ClientId} group {GroupId} after {ElapsedMs:0.0} ms"
    )]
    private partial void LogFailed(
        Exception exception,
        string messageType,
        Guid? userId,
        string? clientId,
        Guid? groupId,
        double elapsedMs
    );
}
