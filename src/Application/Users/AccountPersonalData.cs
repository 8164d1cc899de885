using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Users;

/// <summary>The export's "profile": the account as Identity keeps it, without any secret.</summary>
public sealed class AccountPersonalData(IIdentityService identity) : IPersonalDataSection
{
    public string Name => "profile";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken)
    {
        var account =
            await identity.FindAccountAsync(userId, cancellationToken)
            ?? throw new NotFoundException("user");
        return new ProfileExport(
            account.Id.Value,
            account.Email,
            account.EmailConfirmed,
            account.DisplayName,
            account.CreatedAt
        );
    }
}

public sealed record ProfileExport(
    Guid Id,
    string? Email,
    bool EmailConfirmed,
    string DisplayName,
    DateTimeOffset CreatedAt
);
