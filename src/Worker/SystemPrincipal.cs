using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;

namespace Ledger.Worker;

/// <summary>
/// The worker acts as itself, never as a user: its audit events and logs carry this client id.
/// </summary>
public sealed class SystemPrincipal : ICurrentPrincipal
{
    public const string WorkerClientId = "ledger.worker";

    public UserId? UserId => null;

    public string? ClientId => WorkerClientId;

    public bool IsPlatformAdmin => false;
}
