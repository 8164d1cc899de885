using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;

namespace Ledger.Worker.Hosting;

/// <summary>
/// Who the worker's commands run as: no user, the client id <c>ledger.worker</c>, recorded as
/// such in the audit trail. Only this principal may send scheduled maintenance commands.
/// </summary>
public sealed class SystemPrincipal : ICurrentPrincipal
{
    public const string WorkerClientId = "ledger.worker";

    public UserId? UserId => null;

    public string? ClientId => WorkerClientId;

    public bool IsPlatformAdmin => false;

    public bool IsSystem => true;
}
