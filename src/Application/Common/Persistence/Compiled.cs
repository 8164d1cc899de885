namespace Ledger.Application.Common.Persistence;

/// <summary>
/// The hot read paths' queries are compiled once with <c>EF.CompileAsyncQuery</c> (ADR 0070):
/// EF then skips, per call, extracting the parameters from the expression tree and hashing and
/// comparing the tree to find its cached plan. A compiled query takes the context as a
/// <see cref="DbContext"/>; the port is one.
/// </summary>
internal static class Compiled
{
    public static DbContext Context(IApplicationDbContext db) =>
        db as DbContext
        ?? throw new InvalidOperationException(
            "Compiled queries need the EF context behind IApplicationDbContext."
        );
}
