using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Smile.Content.Auditing;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Storage.ApiKeys;
using Smile.Storage.Configuration;
using Smile.Storage.Entities;
using Smile.Storage.Identity;
using Smile.Storage.Observations;
using Smile.Storage.Webhooks;

namespace Smile.Storage;

/// <summary>
/// One database for everything: content documents and their indexes, the outbox, audit trail,
/// identity and the data-protection key ring. The tables are the same for every content type.
/// </summary>
public sealed class SmileDbContext(DbContextOptions<SmileDbContext> options)
    : IdentityDbContext<SmileUser, SmileRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<ContentItem> Items => Set<ContentItem>();

    public DbSet<ContentVersion> Versions => Set<ContentVersion>();

    public DbSet<FieldIndexRow> FieldIndex => Set<FieldIndexRow>();

    public DbSet<RelationRow> Relations => Set<RelationRow>();

    public DbSet<RouteRow> Routes => Set<RouteRow>();

    public DbSet<ContentTypeRow> ContentTypes => Set<ContentTypeRow>();

    public DbSet<CounterRow> Counters => Set<CounterRow>();

    public DbSet<ContentEvent> Events => Set<ContentEvent>();

    public DbSet<OutboxFollowerRow> OutboxFollowers => Set<OutboxFollowerRow>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ObservationRow> Observations => Set<ObservationRow>();

    public DbSet<ObservationAggregateRow> ObservationAggregates => Set<ObservationAggregateRow>();

    public DbSet<LatestObservationRow> LatestObservations => Set<LatestObservationRow>();

    public DbSet<DeadLetterRow> DeadLetters => Set<DeadLetterRow>();

    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SmileDbContext).Assembly);
        builder.Entity<CounterRow>().HasData(
            new CounterRow { Name = CounterRow.Outbox, Value = 0 },
            new CounterRow { Name = CounterRow.Schema, Value = 0 },
            new CounterRow { Name = CounterRow.Observations, Value = 0 });
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Storage is UTC; SQLite forgets the kind, so every DateTime read back is marked UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
