using Ledger.Application.Receipts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Infrastructure.Receipts;

internal static class ReceiptsSetup
{
    public static IServiceCollection AddReceipts(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services.Configure<ReceiptOptions>(configuration.GetSection(ReceiptOptions.SectionName));
        services.Configure<ReceiptStorageOptions>(
            configuration.GetSection(ReceiptStorageOptions.SectionName)
        );
        services.AddSingleton<IReceiptStore, FileSystemReceiptStore>();
        services.AddSingleton<IReceiptSanitizer, SkiaReceiptSanitizer>();
        return services;
    }
}
