using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence.Specifications;

/// <summary>Reads that change nothing skip the change tracker.</summary>
internal static class TrackingStep
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        if (specification.AsNoTracking)
        {
            return query.AsNoTracking();
        }

        if (specification.AsNoTrackingWithIdentityResolution)
        {
            return query.AsNoTrackingWithIdentityResolution();
        }

        return specification.AsTracking ? query.AsTracking() : query;
    }
}
