using System.Reflection;
using AwesomeAssertions;
using Mediator;
using NetArchTest.Rules;

namespace Ledger.Architecture.Tests;

/// <summary>Domain ← Application ← Infrastructure / WebApi / Worker, and nothing the other way.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(Ledger.Domain.Groups.Group).Assembly;
    private static readonly Assembly Application =
        typeof(Ledger.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure =
        typeof(Ledger.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi =
        typeof(Ledger.WebApi.Endpoints.HealthEndpoints).Assembly;
    private static readonly Assembly Worker = Assembly.Load("Ledger.Worker");

    [Test]
    public void Domain_should_reference_no_other_project_and_no_framework_package()
    {
        Domain
            .GetReferencedAssemblies()
            .Select(a => a.Name)
            .Should()
            .OnlyContain(name =>
                name!.StartsWith("System", StringComparison.Ordinal)
                || name == "netstandard"
                // Vogen's attribute assembly: typed ids are generated (ADR 0067).
                || name == "Vogen.SharedTypes"
            );
    }

    [Test]
    public void Application_should_reference_only_the_domain_among_our_projects() =>
        OurReferences(Application).Should().BeEquivalentTo(["Ledger.Domain"]);

    [Test]
    public void WebApi_and_Worker_should_not_reference_each_other()
    {
        OurReferences(WebApi).Should().NotContain("Ledger.Worker");
        OurReferences(Worker).Should().NotContain("Ledger.WebApi");
    }

    [Test]
    public void Infrastructure_should_not_reference_the_hosts()
    {
        OurReferences(Infrastructure).Should().NotContain(["Ledger.WebApi", "Ledger.Worker"]);
    }

    [Test]
    public void Handlers_should_live_in_the_application_only()
    {
        foreach (var assembly in new[] { Domain, Infrastructure, WebApi, Worker })
        {
            var handlers = Types
                .InAssembly(assembly)
                .That()
                .ImplementInterface(typeof(ICommandHandler<,>))
                .Or()
                .ImplementInterface(typeof(IQueryHandler<,>))
                .GetTypes();
            handlers
                .Should()
                .BeEmpty($"{assembly.GetName().Name} must send messages, not handle them");
        }
    }

    [Test]
    public void Domain_entities_should_have_no_public_setters()
    {
        var publicSetters = Domain
            .GetTypes()
            .Where(t =>
                t.IsClass
                && t.Namespace?.StartsWith("Ledger.Domain", StringComparison.Ordinal) == true
            )
            .SelectMany(t =>
                t.GetProperties(
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly
                )
            )
            .Where(p => p.SetMethod is { IsPublic: true } && !IsInitOnly(p))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        publicSetters.Should().BeEmpty();
    }

    private static bool IsInitOnly(PropertyInfo property) =>
        property
            .SetMethod!.ReturnParameter.GetRequiredCustomModifiers()
            .Any(m => m.Name == "IsExternalInit");

    private static IEnumerable<string> OurReferences(Assembly assembly) =>
        assembly
            .GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Ledger.", StringComparison.Ordinal));
}
