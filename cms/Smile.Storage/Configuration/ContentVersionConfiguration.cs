using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smile.Content.Items;

namespace Smile.Storage.Configuration;

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> version)
    {
        version.ToTable("ContentVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.ItemId).HasMaxLength(64);
        version.Property(v => v.ContentType).HasMaxLength(64);
        version.Property(v => v.Culture).HasMaxLength(16);
        version.Property(v => v.LocalizationSet).HasMaxLength(64);
        version.Property(v => v.Title).HasMaxLength(200);
        version.Property(v => v.Slug).HasMaxLength(100);
        version.Property(v => v.Path).HasMaxLength(300);
        version.Property(v => v.OwnerId).HasMaxLength(64);
        version.Property(v => v.ModifiedBy).HasMaxLength(64);
        version.Property(v => v.Fields)
            .HasColumnName("Document")
            .HasConversion(
                fields => fields.ToJsonString(null),
                json => JsonNode.Parse(json, null, default)!.AsObject(),
                new ValueComparer<JsonObject>((a, b) => JsonNode.DeepEquals(a, b), v => v.ToJsonString(null).GetHashCode(StringComparison.Ordinal), v => v.DeepClone().AsObject()));
        version.HasOne<ContentItem>().WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        version.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
        // The hot paths: lists of published or latest items of a type, newest first; lookups by path.
        // Partial indexes, because queries test the flag as a bare boolean: SQLite uses a composite index
        // only up to an equality, but a partial index whose condition is the same bare column matches.
        version.HasIndex(v => new { v.ContentType, v.Culture, v.PublishedAt }, "ix_content_versions_published_list").HasFilter("published");
        version.HasIndex(v => new { v.ContentType, v.Culture, v.ModifiedAt }, "ix_content_versions_latest_list").HasFilter("latest");
        version.HasIndex(v => new { v.Culture, v.Path });
        version.HasIndex(v => v.LocalizationSet);
    }
}
