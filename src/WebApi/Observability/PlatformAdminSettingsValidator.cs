using Ledger.WebApi.Auth;
using Microsoft.Extensions.Options;

namespace Ledger.WebApi.Observability;

/// <summary>
/// Refuses an <c>Admin:UserIds</c> entry that is not a user id. The configuration binder would
/// silently drop it, so a typo in a reloaded file would quietly remove an admin; the entry is
/// named by its path, never its value.
/// </summary>
internal sealed class PlatformAdminSettingsValidator(IConfiguration configuration)
    : IValidateOptions<PlatformAdminSettings>
{
    public ValidateOptionsResult Validate(string? name, PlatformAdminSettings options)
    {
        var errors = configuration
            .GetSection($"{PlatformAdminSettings.Section}:{nameof(PlatformAdminSettings.UserIds)}")
            .GetChildren()
            .Where(entry => !Guid.TryParse(entry.Value, out _))
            .Select(entry => $"{entry.Path} is not a user id (a GUID).")
            .ToList();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors);
    }
}
