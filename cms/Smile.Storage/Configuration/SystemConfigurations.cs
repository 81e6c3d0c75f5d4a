using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smile.Content.Auditing;
using Smile.Content.Events;
using Smile.Storage.ApiKeys;
using Smile.Storage.Entities;

namespace Smile.Storage.Configuration;

internal sealed class ContentTypeRowConfiguration : IEntityTypeConfiguration<ContentTypeRow>
{
    public void Configure(EntityTypeBuilder<ContentTypeRow> row)
    {
        row.ToTable("ContentTypes");
        row.HasKey(r => r.Name);
        row.Property(r => r.Name).HasMaxLength(64);
    }
}

internal sealed class CounterRowConfiguration : IEntityTypeConfiguration<CounterRow>
{
    public void Configure(EntityTypeBuilder<CounterRow> row)
    {
        row.ToTable("Counters");
        row.HasKey(r => r.Name);
        row.Property(r => r.Name).HasMaxLength(32);
    }
}

internal sealed class ContentEventConfiguration : IEntityTypeConfiguration<ContentEvent>
{
    public void Configure(EntityTypeBuilder<ContentEvent> row)
    {
        row.ToTable("ContentEvents");
        row.HasKey(e => e.Sequence);
        // Numbers come from the outbox counter at commit, never from the database's own sequence.
        row.Property(e => e.Sequence).ValueGeneratedNever();
        row.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        row.Property(e => e.ItemId).HasMaxLength(64);
        row.Property(e => e.ContentType).HasMaxLength(64);
        row.Property(e => e.Culture).HasMaxLength(16);
        row.Property(e => e.Path).HasMaxLength(300);
        row.Property(e => e.PreviousPath).HasMaxLength(300);
        row.Property(e => e.ActorId).HasMaxLength(64);
    }
}

internal sealed class OutboxFollowerRowConfiguration : IEntityTypeConfiguration<OutboxFollowerRow>
{
    public void Configure(EntityTypeBuilder<OutboxFollowerRow> row)
    {
        row.ToTable("OutboxFollowers");
        row.HasKey(r => r.Name);
        row.Property(r => r.Name).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> row)
    {
        row.ToTable("AuditEntries");
        row.HasKey(e => e.Id);
        row.Property(e => e.ActorId).HasMaxLength(64);
        row.Property(e => e.Action).HasMaxLength(64);
        row.Property(e => e.ItemId).HasMaxLength(64);
        row.Property(e => e.ContentType).HasMaxLength(64);
        row.Property(e => e.ChangedFields).HasConversion(
            fields => string.Join(',', fields),
            text => text.Length == 0 ? Array.Empty<string>() : text.Split(',', StringSplitOptions.None),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToArray()));
        row.HasIndex(e => new { e.ItemId, e.At });
        row.HasIndex(e => new { e.ActorId, e.At });
        row.HasIndex(e => e.At);
    }
}

internal sealed class ApiKeyRowConfiguration : IEntityTypeConfiguration<ApiKeyRow>
{
    public void Configure(EntityTypeBuilder<ApiKeyRow> row)
    {
        row.ToTable("ApiKeys");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasMaxLength(32);
        row.Property(r => r.Name).HasMaxLength(100);
        row.Property(r => r.SecretHash).HasMaxLength(64);
        row.HasIndex(r => r.SecretHash).IsUnique();
    }
}
