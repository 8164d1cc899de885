using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Queries.GetGroup;
using Ledger.Domain.Audit;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class CreateGroupTests : FunctionalTest
{
    [Test]
    public async Task Should_persist_the_group_with_its_creator_as_owner_and_audit_it()
    {
        var alice = await CreateUserAsync();

        var created = await SendAsync(
            new CreateGroup(Pii.Name("Flat"), "EUR", "Europe/Berlin"),
            alice
        );

        var read = await SendAsync(new GetGroup(GroupId.From(created.Id)), alice);
        read.Name.Should().Be(created.Name);
        read.DefaultCurrency.Should().Be("EUR");
        read.TimeZone.Should().Be("Europe/Berlin");
        read.MyRole.Should().Be(GroupRole.Owner);
        read.Version.Should().Be(1);
        (await CountAsync<AuditEvent>()).Should().Be(1);
    }

    [Test]
    public async Task Should_reject_an_unknown_currency_and_time_zone()
    {
        var alice = await CreateUserAsync();

        var act = () => SendAsync(new CreateGroup(Pii.Name(), "XYZ", "Mars/Olympus"), alice);

        var failure = await act.Should().ThrowAsync<ValidationException>();
        failure
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["DefaultCurrency", "TimeZone"]);
        (await CountAsync<Group>()).Should().Be(0);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var alice = await CreateUserAsync();
        var mallory = await CreateUserAsync();
        var created = await SendAsync(new CreateGroup(Pii.Name(), "EUR", "Europe/Berlin"), alice);

        var act = () => SendAsync(new GetGroup(GroupId.From(created.Id)), mallory);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_require_a_signed_in_principal()
    {
        var act = () =>
            SendAsync(new CreateGroup(Pii.Name(), "EUR", "Europe/Berlin"), asUser: null);

        await act.Should().ThrowAsync<UnauthenticatedException>();
    }
}
