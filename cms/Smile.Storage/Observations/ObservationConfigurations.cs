using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Smile.Storage.Observations;

internal sealed class ObservationRowConfiguration : IEntityTypeConfiguration<ObservationRow>
{
    public void Configure(EntityTypeBuilder<ObservationRow> row)
    {
        row.ToTable("Observations");
        // The idempotency key: a redelivered observation of the same datastream and time is dropped.
        row.HasKey(o => new { o.DatastreamId, o.PhenomenonTimeMs });
        row.Property(o => o.DatastreamId).HasMaxLength(64);
        row.Property(o => o.SourceKey).HasMaxLength(200);
        row.HasIndex(o => new { o.DatastreamId, o.SourceKey }).IsUnique();
    }
}

internal sealed class ObservationAggregateRowConfiguration : IEntityTypeConfiguration<ObservationAggregateRow>
{
    public void Configure(EntityTypeBuilder<ObservationAggregateRow> row)
    {
        row.ToTable("ObservationAggregates");
        row.HasKey(a => new { a.DatastreamId, a.Resolution, a.BucketStartMs });
        row.Property(a => a.DatastreamId).HasMaxLength(64);
        row.Property(a => a.Resolution).HasMaxLength(1);
    }
}

internal sealed class LatestObservationRowConfiguration : IEntityTypeConfiguration<LatestObservationRow>
{
    public void Configure(EntityTypeBuilder<LatestObservationRow> row)
    {
        row.ToTable("LatestObservations");
        row.HasKey(l => l.DatastreamId);
        row.Property(l => l.DatastreamId).HasMaxLength(64);
    }
}

internal sealed class DeadLetterRowConfiguration : IEntityTypeConfiguration<DeadLetterRow>
{
    public void Configure(EntityTypeBuilder<DeadLetterRow> row)
    {
        row.ToTable("DeadLetters");
        row.HasKey(d => d.Id);
        row.Property(d => d.Source).HasMaxLength(32);
        row.Property(d => d.Address).HasMaxLength(500);
        row.Property(d => d.Reason).HasMaxLength(1000);
        row.HasIndex(d => d.ReplayedAt);
    }
}
