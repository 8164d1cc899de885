using Ledger.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

/// <summary>Platform data, not group data: no group id, read by the ops API only.</summary>
internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.JobName).HasMaxLength(JobRun.NameMaxLength);
        builder.Property(r => r.TriggerName).HasMaxLength(JobRun.NameMaxLength);
        builder.Property(r => r.Node).HasMaxLength(JobRun.NameMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Result).HasMaxLength(JobRun.ResultMaxLength);
        builder.Property(r => r.Error).HasMaxLength(JobRun.ResultMaxLength);
        builder.Ignore(r => r.Duration);
        // The last run of a job, and a job's running rows, are read by (job, start) descending.
        builder.HasIndex(r => new { r.JobName, r.StartedAt }).IsDescending(false, true);
    }
}
