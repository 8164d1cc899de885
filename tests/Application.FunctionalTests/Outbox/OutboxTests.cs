using System.Runtime.CompilerServices;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.Application.Common.Outbox;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Domain.Common;
using Ledger.Domain.Integrations;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Outbox;

/// <summary>
/// The transaction behaviour writes every domain event a command raised to the outbox in the
/// command's own transaction: the row exists exactly when the change committed (ADR 0031).
/// </summary>
public sealed class OutboxTests : FunctionalTest
{
    [Test]
    public async Task Should_write_the_raised_event_to_the_outbox_in_the_commands_transaction()
    {
        var alice = await CreateUserAsync();

        var created = await SendAsync(new CreateGroup(Pii.Name("Flat"), "EUR", "UTC"), alice);

        var messages = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var message = messages.Should().ContainSingle().Subject;
        message.Type.Should().Be("group.created");
        message.Version.Should().Be(1);
        message.GroupId.Should().Be(GroupId.From(created.Id));
        message.ProcessedAt.Should().BeNull();
        message.Position.Should().BePositive();
        using var payload = JsonDocument.Parse(message.Payload);
        payload.RootElement.GetProperty("groupId").GetString().Should().Be(created.Id.ToString());
        payload
            .RootElement.GetProperty("actor")
            .GetProperty("userId")
            .GetString()
            .Should()
            .Be(alice.Value.ToString());
        message.Payload.Should().NotContain(created.Name, "payloads carry no user-typed text");
    }

    [Test]
    public async Task Should_write_nothing_when_the_commands_transaction_rolls_back()
    {
        var alice = await CreateUserAsync();
        var doomed = "doomed-" + Guid.NewGuid().ToString("N");
        // A deferred trigger fails the COMMIT itself, after the group and its event were saved.
        await ExecuteAsync(
            $"""
            CREATE FUNCTION outbox_test_fail() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'rolled back on purpose'; END $$;
            CREATE CONSTRAINT TRIGGER outbox_test_fail AFTER INSERT ON groups
              DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
              WHEN (NEW.name = '{doomed}') EXECUTE FUNCTION outbox_test_fail();
            """
        );
        try
        {
            var act = () => SendAsync(new CreateGroup(doomed, "EUR", "UTC"), alice);
            (await act.Should().ThrowAsync<Exception>())
                .Which.ToString()
                .Should()
                .Contain("rolled back on purpose");
        }
        finally
        {
            await ExecuteAsync(
                "DROP TRIGGER outbox_test_fail ON groups; DROP FUNCTION outbox_test_fail();"
            );
        }

        (await CountAsync<OutboxMessage>()).Should().Be(0);
        (await CountAsync<Ledger.Domain.Groups.Group>()).Should().Be(0);
    }

    [Test]
    public void Should_map_every_domain_event_to_an_outbox_type()
    {
        var eventTypes = typeof(IDomainEvent)
            .Assembly.GetTypes()
            .Where(t =>
                t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IDomainEvent))
            )
            .ToList();

        eventTypes.Should().NotBeEmpty();
        foreach (var type in eventTypes)
        {
            var domainEvent = SampleDomainEvents.Create(type);
            var (name, version, _, _) = OutboxEvents.Describe(domainEvent);
            name.Should().MatchRegex("^[a-z]+\\.[a-z-]+$", type.Name);
            version.Should().BePositive();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
