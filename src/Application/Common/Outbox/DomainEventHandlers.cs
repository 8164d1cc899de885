using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Application.Common.Outbox;

/// <summary>Registers the publisher and every <see cref="IDomainEventHandler{TEvent}"/> of an assembly.</summary>
public static class DomainEventHandlers
{
    public static IServiceCollection AddDomainEvents(
        this IServiceCollection services,
        Assembly assembly
    )
    {
        services.AddScoped<DomainEventPublisher>();
        var handlers = assembly
            .GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var handler in handlers)
        {
            var handled = handler
                .GetInterfaces()
                .Where(i =>
                    i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)
                )
                .ToList();
            if (handled.Count == 0)
            {
                continue;
            }

            // One instance per scope serves every event type it handles.
            services.AddScoped(handler);
            foreach (var contract in handled)
            {
                services.AddScoped(contract, provider => provider.GetRequiredService(handler));
            }
        }

        return services;
    }
}
