using AwesomeAssertions;
using Ledger.Application.Operations.Commands.PruneOAuthTokens;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Operations;

public sealed class PruneOAuthTokensTests : FunctionalTest
{
    [Test]
    public async Task Should_remove_old_spent_tokens_and_keep_valid_ones()
    {
        var now = DateTimeOffset.UtcNow;
        string? oldId = null;
        string? validId = null;
        await WithServicesAsync(async services =>
        {
            var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
            oldId = await tokens.GetIdAsync(
                await tokens.CreateAsync(
                    Token(now.AddDays(-30), now.AddDays(-29), OpenIddictConstants.Statuses.Redeemed)
                )
            );
            validId = await tokens.GetIdAsync(
                await tokens.CreateAsync(
                    Token(
                        now.AddMinutes(-5),
                        now.AddMinutes(55),
                        OpenIddictConstants.Statuses.Valid
                    )
                )
            );
        });

        var report = await SendAsSystemAsync(new PruneOAuthTokens());

        report.Summary.Should().StartWith("Pruned 1 tokens");
        await WithServicesAsync(async services =>
        {
            var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
            (await tokens.FindByIdAsync(oldId!)).Should().BeNull();
            (await tokens.FindByIdAsync(validId!)).Should().NotBeNull();
        });
    }

    private static OpenIddictTokenDescriptor Token(
        DateTimeOffset created,
        DateTimeOffset expires,
        string status
    ) =>
        new()
        {
            CreationDate = created,
            ExpirationDate = expires,
            Status = status,
            Type = OpenIddictConstants.TokenTypeIdentifiers.RefreshToken,
            Subject = Guid.NewGuid().ToString(),
        };
}
