using System.Reflection;
using System.Runtime.CompilerServices;
using AwesomeAssertions;
using Ledger.Application.Common.Messaging;
using Mediator;

namespace Ledger.Architecture.Tests;

/// <summary>
/// Access is declared once per message, from a closed set, and required (ADR 0014): every
/// command and query of the application states exactly one <see cref="Access"/>.
/// </summary>
public sealed class AccessRequirementTests
{
    private static readonly Assembly Application =
        typeof(Ledger.Application.DependencyInjection).Assembly;

    private static Type[] Messages() =>
        Application
            .GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .Where(t => typeof(IMessage).IsAssignableFrom(t))
            .ToArray();

    [Test]
    public void Should_find_every_command_and_query()
    {
        // Guards the enumeration itself: the next test must never pass by finding nothing.
        Messages()
            .Select(t => t.Name)
            .Should()
            .Contain(["PaySplit", "CreateExpense", "LeaveGroup", "GetMe", "PurgeJobRuns"])
            .And.HaveCountGreaterThan(90);
    }

    [Test]
    public void Every_message_should_declare_its_access()
    {
        Messages()
            .Where(t => !typeof(IRequiresAccess).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Should()
            .BeEmpty("every command and query states one access requirement (IRequiresAccess)");
    }

    [Test]
    public void Every_declared_access_should_be_one_of_the_closed_set()
    {
        var cases = typeof(Access).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(Access)));
        foreach (var message in Messages())
        {
            var instance = (IRequiresAccess)RuntimeHelpers.GetUninitializedObject(message);
            var access = instance.Access;
            access.Should().NotBeNull(message.Name);
            cases.Should().Contain(access.GetType(), message.Name);
        }
    }

    [Test]
    public void The_set_of_access_requirements_should_be_closed()
    {
        typeof(Access)
            .GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Should()
            .OnlyContain(c => c.IsPrivate, "only the cases nested in Access may derive from it");
        typeof(Access)
            .GetNestedTypes()
            .Where(t => t.IsSubclassOf(typeof(Access)))
            .Should()
            .OnlyContain(t => t.IsSealed);
        AppDomain
            .CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Ledger.", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(Access)) && t.DeclaringType != typeof(Access))
            .Should()
            .BeEmpty();
    }

    [Test]
    public void No_other_access_marker_should_remain()
    {
        string[] retired =
        [
            "IAllowAnonymous",
            "IRequirePlatformAdmin",
            "ISystemCommand",
            "IGroupScoped",
            "IGroupWrite",
            "IGroupReadCommand",
            "IListScoped",
            "IChoreScoped",
            "IPersonalOrGroupScoped",
        ];
        Application.GetTypes().Select(t => t.Name).Should().NotContain(retired);
    }
}
