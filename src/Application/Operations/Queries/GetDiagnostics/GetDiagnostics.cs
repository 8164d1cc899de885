namespace Ledger.Application.Operations.Queries.GetDiagnostics;

/// <summary>
/// Build, environment and dependency state of the instance that answers, for platform admins
/// only (the public health endpoints say "ok" and nothing more).
/// </summary>
public sealed record GetDiagnostics : IQuery<DiagnosticsDto>, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class GetDiagnosticsHandler(IDiagnosticsProbe probe)
    : IQueryHandler<GetDiagnostics, DiagnosticsDto>
{
    public async ValueTask<DiagnosticsDto> Handle(
        GetDiagnostics query,
        CancellationToken cancellationToken
    ) => await probe.CollectAsync(cancellationToken);
}
