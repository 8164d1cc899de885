using System.Text.Json;
using AwesomeAssertions;
using Ledger.Application.Common.Outbox;
using Ledger.Application.Expenses;
using Ledger.Application.Expenses.Commands.VoidExpense;
using Ledger.Application.FunctionalTests.Expenses;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.RemoveMember;
using Ledger.Application.Groups.Commands.RestoreArchivedGroup;
using Ledger.Application.Groups.Commands.RestoreDeletedGroup;
using Ledger.Application.Settlements.Commands.ConfirmSettlement;
using Ledger.Application.Settlements.Commands.DeclineSettlement;
using Ledger.Application.Settlements.Commands.VoidSettlement;
using Ledger.Application.Users.Commands.DeleteMe;
using Ledger.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Settlements.SettlementScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Outbox;

/// <summary>
/// Every event type partners can receive (issue 16 #3) is raised by the aggregate where the
/// change happens and written to the outbox exactly once in the command's transaction: a commit
/// that fails leaves no row of it, the same command committing leaves exactly one. Payloads
/// carry ids, amounts as strings and versions, never the users' emails or names.
/// </summary>
public sealed class OutboxEventTypesTests : FunctionalTest
{
    /// <summary>Each case arranges its preconditions (committed) and returns the command under test.</summary>
    private static readonly Dictionary<string, Func<Task<Func<Task>>>> Cases = new()
    {
        ["group.created"] = () => Task.FromResult<Func<Task>>(async () => await CreateGroupAsync()),
        ["member.joined"] = async () =>
        {
            var (group, owner) = await CreateGroupAsync();
            var code = await CreateInviteCodeAsync(group, owner);
            var joiner = await CreateUserAsync();
            return () => SendAsync(new JoinGroup(code), joiner);
        },
        ["member.left"] = async () =>
        {
            var flat = await CreateFlatAsync();
            return () => SendAsync(new LeaveGroup(flat.Group), flat.Cem);
        },
        ["member.removed"] = async () =>
        {
            var flat = await CreateFlatAsync();
            return () => SendAsync(new RemoveMember(flat.Group, flat.Cem), flat.Ana);
        },
        ["group.archived"] = async () =>
        {
            var (group, owner) = await CreateGroupAsync();
            return () => SendAsync(new LeaveGroup(group), owner);
        },
        ["group.deleted"] = async () =>
        {
            var (group, owner) = await CreateGroupAsync();
            return () => DeleteGroupAsync(group, owner);
        },
        ["group.restored"] = async () =>
        {
            var (group, owner) = await CreateGroupAsync();
            await DeleteGroupAsync(group, owner);
            return () => SendAsync(new RestoreDeletedGroup(group), owner);
        },
        ["expense.created"] = async () =>
        {
            var flat = await CreateFlatAsync();
            return () => SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        },
        ["expense.updated"] = async () =>
        {
            var flat = await CreateFlatAsync();
            var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
            return () =>
                SendAsync(EqualExpense(flat, flat.Ana, "45.50").ToUpdate(created), flat.Ana);
        },
        ["expense.voided"] = async () =>
        {
            var flat = await CreateFlatAsync();
            var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
            return () =>
                SendAsync(
                    new VoidExpense(
                        flat.Group,
                        ExpenseId.From(created.Id),
                        "typo",
                        created.Version
                    ),
                    flat.Ana
                );
        },
        ["split.paid"] = async () =>
        {
            var flat = await CreateFlatAsync();
            var created = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
            return () => SendAsync(Pay(created, flat.Ben, "10.00"), flat.Ben);
        },
        ["settlement.recorded"] = async () =>
        {
            var flat = await OweAnaAsync();
            return () => SendAsync(Settle(flat, flat.Ben, flat.Ana, "5.00"), flat.Ben);
        },
        ["settlement.confirmed"] = async () =>
        {
            var flat = await OweAnaAsync();
            var pending = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "5.00"), flat.Ben);
            return () =>
                SendAsync(
                    new ConfirmSettlement(
                        flat.Group,
                        SettlementId.From(pending.Id),
                        pending.Version
                    ),
                    flat.Ana
                );
        },
        ["settlement.declined"] = async () =>
        {
            var flat = await OweAnaAsync();
            var pending = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "5.00"), flat.Ben);
            return () =>
                SendAsync(
                    new DeclineSettlement(
                        flat.Group,
                        SettlementId.From(pending.Id),
                        pending.Version
                    ),
                    flat.Ana
                );
        },
        ["settlement.voided"] = async () =>
        {
            var flat = await OweAnaAsync();
            var settled = await SendAsync(Settle(flat, flat.Ben, flat.Ana, "5.00"), flat.Ana);
            return () =>
                SendAsync(
                    new VoidSettlement(
                        flat.Group,
                        SettlementId.From(settled.Id),
                        "wrong",
                        settled.Version
                    ),
                    flat.Ana
                );
        },
    };

    public static IEnumerable<string> EventTypes => OutboxEvents.Catalog.Select(t => t.Type);

    [Test]
    public void Should_have_a_case_for_every_event_type_of_the_catalog() =>
        Cases.Keys.Should().BeEquivalentTo(EventTypes);

    [Test]
    public void Should_describe_every_domain_event_as_its_catalog_entry_says()
    {
        var eventTypes = typeof(IDomainEvent)
            .Assembly.GetTypes()
            .Where(t =>
                t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IDomainEvent))
            );
        var described = new HashSet<string>();
        foreach (var eventType in eventTypes)
        {
            var domainEvent = SampleDomainEvents.Create(eventType);
            var (type, version, _, data) = OutboxEvents.Describe(domainEvent);
            var entry = OutboxEvents.Catalog.SingleOrDefault(t => t.Type == type);
            entry.Should().NotBeNull(eventType.Name);
            version.Should().Be(entry!.Version, type);
            data.Select(p => p.Key).Should().BeEquivalentTo(entry.Fields, type);
            described.Add(type);
        }

        described.Should().BeEquivalentTo(EventTypes, "every catalog entry has a domain event");
    }

    [TestCaseSource(nameof(EventTypes))]
    public async Task Should_write_the_event_once_when_the_command_commits_and_never_when_it_rolls_back(
        string type
    )
    {
        var act = await Cases[type]();
        var before = await CountOfTypeAsync(type);

        await FailCommitsWritingAsync(type);
        try
        {
            (await act.Should().ThrowAsync<Exception>())
                .Which.ToString()
                .Should()
                .Contain("rolled back on purpose");
        }
        finally
        {
            await ExecuteAsync(
                "DROP TRIGGER outbox_type_test_fail ON outbox_messages; DROP FUNCTION outbox_type_test_fail();"
            );
        }

        (await CountOfTypeAsync(type)).Should().Be(before, "a rolled-back command writes nothing");
        await act();
        (await CountOfTypeAsync(type)).Should().Be(before + 1, "one event per committed change");

        var catalog = OutboxEvents.Catalog.Single(t => t.Type == type);
        var message = await WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking()
                .Where(m => m.Type == type)
                .OrderByDescending(m => m.Position)
                .FirstAsync()
        );
        message.Version.Should().Be(catalog.Version);
        using var payload = JsonDocument.Parse(message.Payload);
        payload
            .RootElement.EnumerateObject()
            .Select(p => p.Name)
            .Should()
            .BeEquivalentTo(catalog.Fields.Append(OutboxEvents.ActorField));
        payload
            .RootElement.GetProperty("groupId")
            .GetString()
            .Should()
            .Be(message.GroupId!.Value.Value.ToString());
        await ShouldCarryNoPersonalDataAsync();
    }

    [Test]
    public async Task Should_end_every_membership_of_a_deleted_account_with_member_left_events()
    {
        var flat = await CreateFlatAsync();
        var password = await GivePasswordAsync(flat.Cem);

        await SendAsync(new DeleteMe(password), flat.Cem);

        var left = await WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking().Where(m => m.Type == "member.left").ToListAsync()
        );
        left.Should().ContainSingle().Which.Payload.Should().Contain(flat.Cem.Value.ToString());
        await ShouldCarryNoPersonalDataAsync();
    }

    [Test]
    public async Task Should_carry_amounts_as_strings_with_their_currency()
    {
        var flat = await CreateFlatAsync();

        await SendAsync(EqualExpense(flat, flat.Ana, "30.10"), flat.Ana);

        var message = await WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Type == "expense.created")
        );
        using var payload = JsonDocument.Parse(message.Payload);
        payload.RootElement.GetProperty("amount").GetString().Should().Be("30.10");
        payload.RootElement.GetProperty("currency").GetString().Should().Be("EUR");
        payload.RootElement.GetProperty("version").GetInt32().Should().Be(1);
    }

    /// <summary>Ana paid 30.00 shared by three: Ben and Cem owe her 10.00 each.</summary>
    private static async Task<Flat> OweAnaAsync()
    {
        var flat = await CreateFlatAsync();
        await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        return flat;
    }

    private static Task<int> CountOfTypeAsync(string type) =>
        WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == type));

    /// <summary>No payload names any test user (email or display name) or any group.</summary>
    private static async Task ShouldCarryNoPersonalDataAsync()
    {
        var payloads = await WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking().Select(m => m.Payload).ToListAsync()
        );
        var users = await WithDbAsync(db =>
            db.Users.AsNoTracking().Select(u => new { u.Email, u.DisplayName }).ToListAsync()
        );
        var groupNames = await WithDbAsync(db =>
            db.Groups.AsNoTracking().Select(g => g.Name).ToListAsync()
        );
        var personal = users
            .SelectMany(u => new[] { u.Email, u.DisplayName })
            .Concat(groupNames)
            .OfType<string>()
            .Where(s => s.Length > 0)
            .ToList();
        personal.Should().NotBeEmpty();
        payloads.Should().NotBeEmpty();
        foreach (var payload in payloads)
        {
            foreach (var value in personal)
            {
                payload.Should().NotContain(value);
            }
        }
    }

    /// <summary>A deferred trigger fails the COMMIT itself, after the change and its event were saved.</summary>
    private static Task FailCommitsWritingAsync(string type) =>
        ExecuteAsync(
            $"""
            CREATE FUNCTION outbox_type_test_fail() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'rolled back on purpose'; END $$;
            CREATE CONSTRAINT TRIGGER outbox_type_test_fail AFTER INSERT ON outbox_messages
              DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
              WHEN (NEW.type = '{type}') EXECUTE FUNCTION outbox_type_test_fail();
            """
        );

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
