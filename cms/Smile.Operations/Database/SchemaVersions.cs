using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Smile.Operations.Database;

/// <summary>
/// Schema versions are EF migration ids (<c>20261130134456_Initial</c>). The timestamp differs per provider, the
/// name does not (migrations are added to both providers under one name), so archives are matched by name.
/// </summary>
public static class SchemaVersions
{
    public static string NameOf(string migrationId) =>
        migrationId.Length > 15 && migrationId[14] == '_' && migrationId[..14].All(char.IsAsciiDigit) ? migrationId[15..] : migrationId;

    /// <summary>This build's migration id on <paramref name="db"/>'s provider for the archived version, or null when this build does not know it.</summary>
    public static string? Find(DbContext db, string archivedVersion) =>
        db.Database.GetMigrations().FirstOrDefault(id => NameOf(id) == NameOf(archivedVersion));

    public static string Latest(DbContext db) => db.Database.GetMigrations().Last();

    public static Task MigrateToAsync(DbContext db, string migrationId, CancellationToken cancellationToken) =>
        db.GetService<IMigrator>().MigrateAsync(migrationId, cancellationToken);

    public static string ProviderOf(DbContext db) => db.Database.IsNpgsql() ? "Postgres" : db.Database.IsSqlite() ? "Sqlite" : db.Database.ProviderName ?? "unknown";
}
