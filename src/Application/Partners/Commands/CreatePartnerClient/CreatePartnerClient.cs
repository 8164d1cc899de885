namespace Ledger.Application.Partners.Commands.CreatePartnerClient;

/// <summary>
/// Creates a confidential OAuth client for an integration partner, allowed the client
/// credentials grant with <see cref="Scopes"/>. Platform admins only. The secret is in this
/// answer and nowhere else: only its hash is stored.
/// </summary>
public sealed record CreatePartnerClient(string DisplayName, IReadOnlyList<string> Scopes)
    : ICommand<PartnerClientCredentials>,
        IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed class CreatePartnerClientValidator : AbstractValidator<CreatePartnerClient>
{
    public CreatePartnerClientValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(PartnerRules.DisplayNameMaxLength);
        RuleFor(c => c.Scopes).MustBeScopesOf(PartnerScopes.All);
    }
}

public sealed class CreatePartnerClientHandler(IPartnerClients clients, AuditTrail audit)
    : ICommandHandler<CreatePartnerClient, PartnerClientCredentials>
{
    public async ValueTask<PartnerClientCredentials> Handle(
        CreatePartnerClient command,
        CancellationToken cancellationToken
    )
    {
        var created = await clients.CreateAsync(
            command.DisplayName.Trim(),
            command.Scopes,
            cancellationToken
        );
        audit.Record(PartnerAudit.ClientCreated, PartnerAudit.ClientRecord, created.ClientId, null);
        return created;
    }
}
