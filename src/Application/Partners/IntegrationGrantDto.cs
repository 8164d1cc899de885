using Ledger.Domain.Integrations;

namespace Ledger.Application.Partners;

public sealed record IntegrationGrantDto(
    Guid Id,
    Guid GroupId,
    string ClientId,
    IReadOnlyList<string> Scopes,
    Guid GrantedBy,
    DateTimeOffset GrantedAt
)
{
    public static IntegrationGrantDto From(IntegrationGrant grant) =>
        new(
            grant.Id.Value,
            grant.GroupId.Value,
            grant.ClientId,
            grant.Scopes,
            grant.GrantedBy.Value,
            grant.GrantedAt
        );
}
