namespace Ledger.Application.Users.Queries.GetMe;

/// <summary>The signed-in user's own profile.</summary>
public sealed record GetMe : IQuery<MeDto>, IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed record MeDto(Guid Id, string DisplayName);

public sealed class GetMeHandler(IIdentityService identity, ICurrentPrincipal principal)
    : IQueryHandler<GetMe, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var profile =
            await identity.FindProfileAsync(principal.RequireUserId(), cancellationToken)
            ?? throw new NotFoundException("user");
        return new MeDto(profile.Id.Value, profile.DisplayName);
    }
}
