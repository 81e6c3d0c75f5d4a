using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smile.Storage.Entities;

namespace Smile.Storage.Configuration;

internal sealed class FieldIndexRowConfiguration : IEntityTypeConfiguration<FieldIndexRow>
{
    public void Configure(EntityTypeBuilder<FieldIndexRow> row)
    {
        row.ToTable("FieldIndex");
        row.HasKey(r => r.Id);
        row.Property(r => r.Field).HasMaxLength(64);
        row.Property(r => r.Text).HasMaxLength(256);
        row.HasOne(r => r.Version).WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        row.HasIndex(r => new { r.VersionId, r.Field });
        row.HasIndex(r => new { r.Field, r.Text });
        row.HasIndex(r => new { r.Field, r.Number });
        row.HasIndex(r => new { r.Field, r.Date });
    }
}

internal sealed class RelationRowConfiguration : IEntityTypeConfiguration<RelationRow>
{
    public void Configure(EntityTypeBuilder<RelationRow> row)
    {
        row.ToTable("Relations");
        row.HasKey(r => r.Id);
        row.Property(r => r.Field).HasMaxLength(64);
        row.Property(r => r.TargetId).HasMaxLength(64);
        row.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        row.HasOne(r => r.Version).WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        row.HasIndex(r => new { r.VersionId, r.Field });
        row.HasIndex(r => new { r.TargetId, r.Field });
    }
}

internal sealed class RouteRowConfiguration : IEntityTypeConfiguration<RouteRow>
{
    public void Configure(EntityTypeBuilder<RouteRow> row)
    {
        row.ToTable("Routes");
        row.HasKey(r => new { r.Culture, r.Path });
        row.Property(r => r.Culture).HasMaxLength(16);
        row.Property(r => r.Path).HasMaxLength(300);
        row.Property(r => r.ItemId).HasMaxLength(64);
        row.HasIndex(r => r.ItemId);
    }
}
