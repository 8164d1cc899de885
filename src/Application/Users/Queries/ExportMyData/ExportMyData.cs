using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Users.Queries.ExportMyData;

/// <summary>All of the caller's data, one section per area (see <see cref="IPersonalDataSection"/>).</summary>
public sealed record ExportMyData : IQuery<PersonalDataExport>, IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed record PersonalDataExport(
    Guid UserId,
    DateTimeOffset ExportedAt,
    IReadOnlyDictionary<string, object> Sections
);

public sealed class ExportMyDataHandler(
    IEnumerable<IPersonalDataSection> sections,
    ICurrentPrincipal principal,
    TimeProvider clock
) : IQueryHandler<ExportMyData, PersonalDataExport>
{
    public async ValueTask<PersonalDataExport> Handle(
        ExportMyData query,
        CancellationToken cancellationToken
    )
    {
        var me = principal.RequireUserId();
        var exported = new SortedDictionary<string, object>(StringComparer.Ordinal);
        // One after another: the sections share the request's DbContext.
        foreach (var section in sections)
        {
            exported[section.Name] = await section.ReadAsync(me, cancellationToken);
        }

        return new PersonalDataExport(me.Value, clock.GetUtcNow(), exported);
    }
}
