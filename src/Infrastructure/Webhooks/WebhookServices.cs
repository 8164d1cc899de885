using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ledger.Infrastructure.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// The webhook settings (<c>Webhooks</c> section), the relay's store and the delivery client.
    /// In Production, <see cref="WebhookOptions.AllowLoopback"/> is always off, whatever the
    /// configuration says.
    /// </summary>
    public static IServiceCollection AddWebhooks(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services
            .AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .PostConfigure<IServiceProvider>(
                (options, provider) =>
                {
                    if (provider.GetService<IHostEnvironment>()?.IsProduction() == true)
                    {
                        options.AllowLoopback = false;
                    }
                }
            );
        services.AddScoped<IWebhookRelayStore, WebhookRelayStore>();
        services.AddSingleton<IWebhookSender, WebhookHttpSender>();
        services.AddSingleton<WebhookWakeups>();
        return services;
    }
}
