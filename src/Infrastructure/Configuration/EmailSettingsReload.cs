using Ledger.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Infrastructure.Configuration;

/// <summary>The <c>Email</c> section may change at run time; a change that could not send is refused.</summary>
public static class EmailSettingsReload
{
    private static readonly string[] SecurityOptions = ["Auto", "None", "StartTls", "SslOnConnect"];

    public static IServiceCollection AddEmailSettingsReload(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<EmailSettings>, EmailSettingsValidator>();
        return services.AddReloadable<EmailSettings>(EmailSettings.Section);
    }

    private sealed class EmailSettingsValidator : IValidateOptions<EmailSettings>
    {
        public ValidateOptionsResult Validate(string? name, EmailSettings options)
        {
            var errors = new List<string>();
            if (options.Smtp.Port is <= 0 or > 65535)
            {
                errors.Add("Email:Smtp:Port must be between 1 and 65535.");
            }

            if (!SecurityOptions.Contains(options.Smtp.Security, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("Email:Smtp:Security must be Auto, None, StartTls or SslOnConnect.");
            }

            if (
                !string.IsNullOrWhiteSpace(options.LinkBaseUrl)
                && !Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out _)
            )
            {
                errors.Add("Email:LinkBaseUrl must be an absolute URL.");
            }

            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors);
        }
    }
}
