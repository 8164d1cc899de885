using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// No deletion may cascade into shared data (docs/requirements.md A1). Every foreign key is made
/// RESTRICT, except those whose dependent is private to its principal and meaningless without it
/// (a user's own credential rows, OpenIddict's token bookkeeping). Tests check the model and the
/// migrated database against this allow-list.
/// </summary>
public static class DeleteBehaviors
{
    /// <summary>CLR type names of dependents that may be deleted together with their principal.</summary>
    public static readonly IReadOnlySet<string> PrivateChildTypes = new HashSet<string>(
        StringComparer.Ordinal
    )
    {
        // ASP.NET Core Identity: a user's or role's own credentials and claims.
        "IdentityUserClaim`1",
        "IdentityUserLogin`1",
        "IdentityUserToken`1",
        "IdentityUserRole`1",
        "IdentityRoleClaim`1",
        // OpenIddict: authorizations and tokens of an OAuth client, tokens of an authorization.
        "OpenIddictEntityFrameworkCoreAuthorization",
        "OpenIddictEntityFrameworkCoreToken",
    };

    public static void RestrictAllExceptPrivateChildren(ModelBuilder builder)
    {
        foreach (
            var foreignKey in builder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
        )
        {
            if (!IsPrivateChild(foreignKey.DeclaringEntityType))
            {
                foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }

    /// <summary>Foreign keys that cascade although their dependent is not on the allow-list.</summary>
    public static IEnumerable<IForeignKey> ForbiddenCascades(IModel model) =>
        model
            .GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk =>
                fk.DeleteBehavior
                    is DeleteBehavior.Cascade
                        or DeleteBehavior.ClientCascade
                        or DeleteBehavior.SetNull
                && !IsPrivateChild(fk.DeclaringEntityType)
            );

    private static bool IsPrivateChild(IReadOnlyEntityType entityType) =>
        PrivateChildTypes.Contains(entityType.ClrType.Name);
}
