using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smile.Content.Items;

namespace Smile.Storage.Configuration;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> item)
    {
        item.ToTable("ContentItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).HasMaxLength(64);
        item.Property(i => i.ContentType).HasMaxLength(64);
        item.Property(i => i.Culture).HasMaxLength(16);
        item.Property(i => i.LocalizationSet).HasMaxLength(64);
        item.Property(i => i.OwnerId).HasMaxLength(64);
        item.Property(i => i.Path).HasMaxLength(300);
        // Two editors saving the same item at once: the second one's update matches no row and is refused.
        item.Property(i => i.LatestVersion).IsConcurrencyToken();
        item.Ignore(i => i.IsDeleted);
        item.Ignore(i => i.IsPublished);
        item.HasIndex(i => i.ScheduledPublishAt);
        item.HasIndex(i => i.LocalizationSet);
        item.HasIndex(i => new { i.ContentType, i.Culture });
    }
}
