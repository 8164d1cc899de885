using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Email;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        // No foreign key: the account is anonymized, never deleted, and the sender skips it then.
        builder.ToTable("outgoing_emails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.LastError).HasMaxLength(OutgoingEmail.ErrorMaxLength);
        // The sender's claim reads only pending rows, the soonest due first.
        builder
            .HasIndex(e => e.NextAttemptAt)
            .HasFilter("sent_at IS NULL AND given_up_at IS NULL")
            .HasDatabaseName("ix_outgoing_emails_pending");
    }
}
