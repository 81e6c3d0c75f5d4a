using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Smile.Storage.Webhooks;

internal sealed class WebhookDeliveryRowConfiguration : IEntityTypeConfiguration<WebhookDeliveryRow>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRow> row)
    {
        row.ToTable("WebhookDeliveries");
        row.HasKey(d => d.Id);
        row.Property(d => d.Id).HasMaxLength(36);
        row.Property(d => d.Receiver).HasMaxLength(100);
        row.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        row.Property(d => d.LastError).HasMaxLength(1000);
        // The sender's question ("what is due?") and the dashboard's ("what failed lately?").
        row.HasIndex(d => new { d.State, d.NextAttemptAt });
        row.HasIndex(d => d.CreatedAt);
    }
}
