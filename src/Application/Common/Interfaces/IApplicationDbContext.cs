using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// The unit of work the use cases see. Handlers add and change entities; the transaction
/// behaviour saves and commits, so no handler can forget to (audit 003 #13).
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Group> Groups { get; }
    DbSet<Membership> Memberships { get; }
    DbSet<AuditEvent> AuditEvents { get; }
    DbSet<MemberBalance> MemberBalances { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every tracked entity; used before a retried attempt of a transaction.</summary>
    void ResetTracking();
}
