using AwesomeAssertions;
using Ledger.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Persistence;

/// <summary>The database itself refuses to change or remove an audit event.</summary>
public sealed class AuditTrailAppendOnlyTests : FunctionalTest
{
    [TestCase("UPDATE audit_events SET action = 'tampered'")]
    [TestCase("DELETE FROM audit_events")]
    public async Task Should_refuse_to_change_or_delete_an_audit_event(string statement)
    {
        await CreateGroupAsync();
        var before = await WithDbAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());

        var act = () => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(statement));

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.SqlState.Should()
            .Be(PostgresErrorCodes.RestrictViolation);
        var after = await WithDbAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());
        after.Should().BeEquivalentTo(before);
        after.Should().NotBeEmpty();
    }

    [Test]
    public async Task Should_refuse_a_change_made_through_the_context()
    {
        await CreateGroupAsync();

        var act = () =>
            WithDbAsync(async db =>
            {
                var audit = await db.AuditEvents.SingleAsync();
                db.Entry(audit).Property(nameof(AuditEvent.Action)).CurrentValue = "tampered";
                await db.SaveChangesAsync();
            });

        (await act.Should().ThrowAsync<DbUpdateException>())
            .WithInnerException<PostgresException>()
            .Which.SqlState.Should()
            .Be(PostgresErrorCodes.RestrictViolation);
    }
}
