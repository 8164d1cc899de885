namespace Ledger.Application.Partners.Commands.RotatePartnerClientSecret;

/// <summary>
/// Replaces a partner client's secret; the old one stops working at once. Platform admins only.
/// The new secret is in this answer and nowhere else.
/// </summary>
public sealed record RotatePartnerClientSecret(string ClientId)
    : ICommand<PartnerClientCredentials>,
        IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class RotatePartnerClientSecretValidator
    : AbstractValidator<RotatePartnerClientSecret>
{
    public RotatePartnerClientSecretValidator() => RuleFor(c => c.ClientId).MustBeAClientId();
}

public sealed class RotatePartnerClientSecretHandler(IPartnerClients clients, AuditTrail audit)
    : ICommandHandler<RotatePartnerClientSecret, PartnerClientCredentials>
{
    public async ValueTask<PartnerClientCredentials> Handle(
        RotatePartnerClientSecret command,
        CancellationToken cancellationToken
    )
    {
        var rotated =
            await clients.RotateSecretAsync(command.ClientId, cancellationToken)
            ?? throw new NotFoundException("client");
        audit.Record(
            PartnerAudit.ClientSecretRotated,
            PartnerAudit.ClientRecord,
            rotated.ClientId,
            null
        );
        return rotated;
    }
}
