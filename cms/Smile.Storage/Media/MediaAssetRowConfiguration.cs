using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Smile.Storage.Media;

internal sealed class MediaAssetRowConfiguration : IEntityTypeConfiguration<MediaAssetRow>
{
    public void Configure(EntityTypeBuilder<MediaAssetRow> row)
    {
        row.ToTable("MediaAssets");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasMaxLength(64);
        row.Property(r => r.FileName).HasMaxLength(255);
        row.Property(r => r.ContentType).HasMaxLength(100);
        row.Property(r => r.AltSuggestion).HasMaxLength(500);
        row.Property(r => r.UploadedBy).HasMaxLength(64);
        row.HasIndex(r => r.UploadedAt);
    }
}
