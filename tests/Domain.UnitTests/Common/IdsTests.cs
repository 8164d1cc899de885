using AwesomeAssertions;
using Ledger.Domain.Common;

namespace Ledger.Domain.UnitTests.Common;

public sealed class IdsTests
{
    // Keyset cursors page by id in SQL: the order of ids in C# must be PostgreSQL's uuid order.
    [Test]
    public void Should_compare_like_the_text_form_postgresql_orders_by()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => MembershipId.From(Guid.NewGuid())).ToList();

        ids.Order()
            .Select(id => id.ToString())
            .Should()
            .Equal(ids.Select(id => id.ToString()).Order(StringComparer.Ordinal));
    }
}
