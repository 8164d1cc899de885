using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration
    : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.PreviousSecret).HasMaxLength(100);
        builder.Ignore(s => s.State);
        builder.HasActor(s => s.CreatedBy, "created_by");
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId);
        builder.HasIndex(s => s.GroupId);
    }
}
