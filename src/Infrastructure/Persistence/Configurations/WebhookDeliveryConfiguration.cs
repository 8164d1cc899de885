using Ledger.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        // No foreign keys on purpose (like the outbox): a delivery of a deleted subscription is
        // never claimed (the claim joins the subscription) and the retention purge removes it.
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Sequence).UseIdentityAlwaysColumn();
        builder.Property(d => d.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        // The envelope around an outbox payload (itself at most 4000 characters).
        builder.Property(d => d.Body).HasMaxLength(WebhookDelivery.BodyMaxLength);
        // The claim reads a subscription's pending deliveries in order.
        builder
            .HasIndex(d => new { d.SubscriptionId, d.Sequence })
            .HasFilter("status = 'Pending'")
            .HasDatabaseName("ix_webhook_deliveries_pending");
        // Redelivery finds an event's delivery; the purge finds completed ones by age.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId });
        builder.HasIndex(d => d.CompletedAt).HasFilter("completed_at IS NOT NULL");
    }
}

internal sealed class WebhookDeliveryAttemptConfiguration
    : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
        builder.Property(a => a.Outcome).HasMaxLength(WebhookDeliveryAttempt.OutcomeMaxLength);
        builder
            .Property(a => a.ResponseSnippet)
            .HasMaxLength(WebhookDeliveryAttempt.SnippetMaxLength);
        // The delivery log reads a subscription's newest attempts; the purge the oldest.
        builder.HasIndex(a => new { a.SubscriptionId, a.AttemptedAt });
        builder.HasIndex(a => a.AttemptedAt);
    }
}
