using System.Reflection;
using BenchmarkDotNet.Attributes;
using Ledger.Application;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Users.Queries.GetMe;
using Ledger.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Bench.Pipeline;

/// <summary>One request through the real pipeline, in a fresh DI scope as the API makes one per request.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private ServiceProvider _services = null!;
    private static readonly GetMe Me = new();

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        // Every port of the Application (its interfaces) not registered yet: a no-op stand-in.
        foreach (
            var port in typeof(ICurrentPrincipal)
                .Assembly.GetExportedTypes()
                .Where(t =>
                    t.IsInterface
                    && !t.IsGenericTypeDefinition
                    && t.Namespace == typeof(ICurrentPrincipal).Namespace
                )
        )
        {
            if (services.All(d => d.ServiceType != port))
            {
                services.AddScoped(port, _ => NoOp.Create(port));
            }
        }

        services.AddScoped<ICurrentPrincipal>(_ => new BenchPrincipal());
        _services = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateScopes = true }
        );
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>GET /api/v1/me's query: logging, authorization and validation behaviours, then the handler (identity port: no-op).</summary>
    [Benchmark]
    public async ValueTask<MeDto> GetMeThroughThePipeline()
    {
        await using var scope = _services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return await sender.Send(Me);
    }

    /// <summary>The same handler called directly in a scope: the difference is the mediator and behaviours.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask<MeDto> GetMeHandlerAlone()
    {
        await using var scope = _services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<GetMeHandler>(scope.ServiceProvider);
        return await handler.Handle(Me, CancellationToken.None);
    }
}

internal sealed class BenchPrincipal : ICurrentPrincipal
{
    public static readonly UserId Id = Ledger.Domain.Common.UserId.From(
        Guid.Parse("7d8a3c1e-0000-4000-8000-000000000001")
    );

    public UserId? UserId => Id;

    public string? ClientId => null;

    public bool IsPlatformAdmin => false;
}

/// <summary>A stand-in for a port: every method answers a completed task of its default, except the profile lookup.</summary>
public class NoOp : DispatchProxy
{
    private static readonly UserProfile Profile = new(BenchPrincipal.Id, "Bench user");

    public static object Create(Type port) =>
        typeof(DispatchProxy)
            .GetMethod(nameof(DispatchProxy.Create), 2, Type.EmptyTypes)!
            .MakeGenericMethod(port, typeof(NoOp))
            .Invoke(null, null)!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var type = targetMethod!.ReturnType;
        if (type == typeof(Task<UserProfile?>))
        {
            return Task.FromResult<UserProfile?>(Profile);
        }

        if (type == typeof(Task))
        {
            return Task.CompletedTask;
        }

        if (type == typeof(ValueTask))
        {
            return ValueTask.CompletedTask;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var value = Default(type.GenericTypeArguments[0]);
            return typeof(Task)
                .GetMethod(nameof(Task.FromResult))!
                .MakeGenericMethod(type.GenericTypeArguments[0])
                .Invoke(null, [value]);
        }

        return Default(type);
    }

    private static object? Default(Type type) =>
        type.IsValueType && type != typeof(void) ? Activator.CreateInstance(type) : null;
}
