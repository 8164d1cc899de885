using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.UpdateGroupSettings;
using Ledger.Domain.Audit;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class UpdateGroupSettingsTests : FunctionalTest
{
    [Test]
    public async Task Should_change_the_settings_bump_the_version_and_audit_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var name = Pii.Name("Renamed");

        var updated = await SendAsync(
            new UpdateGroupSettings(group, name, "JPY", "Asia/Tokyo", ExpectedVersion: 1),
            alice
        );

        updated.Version.Should().Be(2);
        var read = await ReadAsync(group, alice);
        (read.Name, read.DefaultCurrency, read.TimeZone, read.Version)
            .Should()
            .Be((name, "JPY", "Asia/Tokyo", 2));
        var actions = await WithDbAsync(db => db.AuditEvents.Select(a => a.Action).ToListAsync());
        actions.Should().Contain("group.settings-updated");
    }

    [Test]
    public async Task Should_refuse_a_stale_version_and_name_the_current_one()
    {
        var (group, alice) = await CreateGroupAsync();
        await SendAsync(
            new UpdateGroupSettings(group, Pii.Name(), "EUR", "Europe/Berlin", 1),
            alice
        );

        var act = () =>
            SendAsync(new UpdateGroupSettings(group, Pii.Name(), "EUR", "Europe/Berlin", 1), alice);

        (await act.Should().ThrowAsync<VersionConflictException>())
            .Which.CurrentVersion.Should()
            .Be(2);
        (await ReadAsync(group, alice)).Version.Should().Be(2);
    }

    [Test]
    public async Task Should_let_exactly_one_of_fifty_concurrent_updates_of_the_same_version_win()
    {
        var (group, alice) = await CreateGroupAsync();

        var failures = await RaceOnGroupAsync(
            group,
            50,
            _ =>
                SendAsync(
                    new UpdateGroupSettings(group, Pii.Name(), "USD", "America/New_York", 1),
                    alice
                )
        );

        failures.Count(f => f is null).Should().Be(1);
        failures
            .Where(f => f is not null)
            .Should()
            .HaveCount(49)
            .And.AllSatisfy(f =>
                f.Should().BeOfType<VersionConflictException>().Which.CurrentVersion.Should().Be(2)
            );
        (await ReadAsync(group, alice)).Version.Should().Be(2);
        (
            await WithDbAsync(db =>
                db.AuditEvents.CountAsync(a => a.Action == "group.settings-updated")
            )
        )
            .Should()
            .Be(1);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_non_member()
    {
        var (group, _) = await CreateGroupAsync();
        var mallory = await CreateUserAsync();

        var act = () =>
            SendAsync(
                new UpdateGroupSettings(group, Pii.Name(), "EUR", "Europe/Berlin", 1),
                mallory
            );

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_forbid_a_member_who_is_not_an_owner()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var version = (await ReadAsync(group, alice)).Version;

        var act = () =>
            SendAsync(
                new UpdateGroupSettings(group, Pii.Name(), "EUR", "Europe/Berlin", version),
                bob
            );

        await act.Should().ThrowAsync<ForbiddenException>();
        (await ReadAsync(group, alice)).Version.Should().Be(version);
    }

    [Test]
    public async Task Should_reject_invalid_settings_and_version()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () =>
            SendAsync(new UpdateGroupSettings(group, " ", "EURO", "Nowhere/City", 0), alice);

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["Name", "DefaultCurrency", "TimeZone", "ExpectedVersion"]);
        (await CountAsync<AuditEvent>()).Should().Be(1);
    }
}
