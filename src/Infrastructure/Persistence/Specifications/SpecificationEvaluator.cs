using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence.Specifications;

/// <summary>
/// Our EF Core evaluator for Ardalis specifications (the package's own EF Core half is not
/// available to us, see docs/decisions/0003). Criteria, ordering and paging are the package's
/// evaluators; includes and tracking are small steps of ours. Anything a specification can say
/// that this evaluator does not carry out is refused rather than silently dropped: a dropped
/// search criterion would widen a query.
/// </summary>
public static class SpecificationEvaluator
{
    public static IQueryable<T> Evaluate<T>(IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        EnsureSupported(specification);
        var query = WhereEvaluator.Instance.GetQuery(source, specification);
        query = IncludeStep.Apply(query, specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        query = PaginationEvaluator.Instance.GetQuery(query, specification);
        return TrackingStep.Apply(query, specification);
    }

    private static void EnsureSupported<T>(ISpecification<T> specification)
    {
        if (specification.SearchCriterias.Any())
        {
            throw new NotSupportedException(
                "Search criteria are not supported by our evaluator; use Where."
            );
        }

        if (specification.PostProcessingAction is not null)
        {
            throw new NotSupportedException(
                "Post-processing runs in memory, outside the query; project in the handler instead."
            );
        }
    }
}
