using Ledger.Application.Common.Interfaces;
using Ledger.Application.Users;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ledger.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// ASP.NET Core Identity on our database, with the NIST SP 800-63B password policy, lockout
    /// and unique emails. Cookies and sign-in are the web host's business (it adds them on top).
    /// </summary>
    public static IServiceCollection AddLedgerIdentity(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services
            .AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequiredLength = UserRules.PasswordMinimumLength;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        // Email confirmation and reset links: short-lived, and bound to the security stamp, so a
        // reset link dies with the password change it makes.
        services.Configure<DataProtectionTokenProviderOptions>(options =>
            options.TokenLifespan = TimeSpan.FromHours(1)
        );

        // One key ring for every instance, kept in the database: cookies and anti-forgery tokens
        // issued by one instance (or before a restart) are readable by all. Encrypted at rest
        // (KeyRingEncryptionKey): whoever reads the table cannot forge sessions with it.
        services.AddSingleton(provider =>
            KeyRingEncryptionKey.From(configuration, provider.GetService<IHostEnvironment>())
        );
        services
            .AddDataProtection()
            .SetApplicationName("Ledger")
            .PersistKeysToDbContext<ApplicationDbContext>();
        services
            .AddOptions<KeyManagementOptions>()
            .Configure<KeyRingEncryptionKey>(
                (options, key) => options.XmlEncryptor = new AesGcmXmlEncryptor(key)
            );

        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<DemoUsers>();
        return services;
    }
}
