using System.Data;
using System.Data.Common;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Smile.Content.Auditing;
using Smile.Content.Items;
using Smile.Media.Stores;
using Smile.Operations.Archive;
using Smile.Operations.Database;
using Smile.Storage;
using Smile.Storage.Entities;
using Smile.Storage.Identity;
using Smile.Storage.Media;

namespace Smile.Operations.Backup;

/// <summary>
/// Writes one archive: every table of the database from one snapshot (editors may go on publishing meanwhile),
/// then the originals of the media in that snapshot, then the manifest. The archive appears under its name only
/// when complete.
/// </summary>
public sealed class BackupService(IDbContextFactory<SmileDbContext> contexts, IMediaStore store, TimeProvider clock)
{
    public async Task<BackupManifest> WriteAsync(string path, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            BackupManifest manifest;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                manifest = await WriteEntriesAsync(zip, progress, cancellationToken);
                var entry = zip.CreateEntry(ArchiveLayout.Manifest, CompressionLevel.Optimal);
                entry.LastWriteTime = manifest.CreatedAt;
                await using var stream = entry.Open();
                await System.Text.Json.JsonSerializer.SerializeAsync(stream, manifest, BackupManifest.JsonOptions, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<BackupManifest> WriteEntriesAsync(ZipArchive zip, Action<string> progress, CancellationToken cancellationToken)
    {
        var createdAt = clock.GetUtcNow().UtcDateTime;
        var checksums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schemaVersion = await CheckSchemaAsync(db, cancellationToken);
        var tables = DatabaseTables.Of(db);
        var tableEntries = new List<TableEntry>();
        var media = new List<(string Id, string ContentType)>();
        BackupCounts counts;

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using (var snapshot = await BeginSnapshotAsync(connection, cancellationToken))
        {
            foreach (var table in tables)
            {
                var name = ArchiveLayout.Table(table.Name);
                long rows;
                await using (var stream = Create(zip, name, createdAt, CompressionLevel.Optimal, out var hashing))
                {
                    rows = await TableExporter.ExportAsync(connection, snapshot, table, stream, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    checksums[name] = hashing.HashHex();
                }

                tableEntries.Add(new TableEntry(table.Name, name, [.. table.Columns.Select(c => c.Name)], rows));
                progress($"Database: {table.Name}, {rows:N0} rows");
            }

            media.AddRange(await MediaInSnapshotAsync(db, connection, snapshot, cancellationToken));
            counts = new BackupCounts(
                RowsOf(db, typeof(ContentItem)), RowsOf(db, typeof(ContentVersion)), RowsOf(db, typeof(SmileUser)),
                RowsOf(db, typeof(AuditEntry)), RowsOf(db, typeof(MediaAssetRow)),
                await OutboxPositionAsync(connection, snapshot, cancellationToken));
            await snapshot.RollbackAsync(cancellationToken); // it only read
            long RowsOf(SmileDbContext context, Type entity) => tableEntries.Single(t => t.Name == context.Model.FindEntityType(entity)!.GetTableName()).Rows;
        }

        var (mediaEntries, missing) = await WriteMediaAsync(zip, media, createdAt, checksums, progress, cancellationToken);
        return new BackupManifest
        {
            Format = BackupManifest.CurrentFormat,
            SmileVersion = SmileVersion.Current,
            SchemaVersion = schemaVersion,
            DatabaseProvider = SchemaVersions.ProviderOf(db),
            CreatedAt = createdAt,
            Counts = counts,
            Tables = tableEntries,
            Media = mediaEntries,
            MissingOriginals = missing,
            Checksums = checksums,
        };
    }

    private static async Task<string> CheckSchemaAsync(SmileDbContext db, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().ToList();
        if (applied.Count == 0)
        {
            throw new OperationRefusedException(RefusalReason.DatabaseState, "The database has no Smile schema yet: there is nothing to back up.");
        }

        if (applied.Except(known).FirstOrDefault() is { } unknown)
        {
            throw new OperationRefusedException(RefusalReason.DatabaseState, $"The database was migrated by a newer Smile (migration {unknown}); take the backup with that version.");
        }

        if (known.Except(applied).FirstOrDefault() is { } pending)
        {
            throw new OperationRefusedException(RefusalReason.DatabaseState, $"The database lacks migration {pending} of this Smile; take the backup with the Smile version that last ran on it.");
        }

        return applied[^1];
    }

    /// <summary>One read-only snapshot for the whole export: nothing committed after its start is seen, and writers are not blocked.</summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        switch (connection)
        {
            case SqliteConnection sqlite:
                // Deferred: a read transaction in write-ahead-log mode (BEGIN IMMEDIATE would stop publishing).
                return sqlite.BeginTransaction(deferred: true);
            case NpgsqlConnection npgsql:
                var transaction = await npgsql.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", npgsql, transaction))
                {
                    await readOnly.ExecuteNonQueryAsync(cancellationToken);
                }

                return transaction;
            default:
                throw new NotSupportedException($"Backups know SQLite and PostgreSQL, not {connection.GetType().Name}.");
        }
    }

    private static async Task<List<(string Id, string ContentType)>> MediaInSnapshotAsync(SmileDbContext db, DbConnection connection, DbTransaction snapshot, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(MediaAssetRow))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!);
        string Column(string property) => DatabaseTables.Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = $"SELECT {Column(nameof(MediaAssetRow.Id))}, {Column(nameof(MediaAssetRow.ContentType))} FROM {DatabaseTables.Quote(entity.GetTableName()!)} ORDER BY 1";
        var media = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            media.Add((reader.GetString(0), reader.GetString(1)));
        }

        return media;
    }

    private static async Task<long> OutboxPositionAsync(DbConnection connection, DbTransaction snapshot, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = $"SELECT value FROM counters WHERE name = '{CounterRow.Outbox}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(List<MediaEntry> Entries, List<string> Missing)> WriteMediaAsync(
        ZipArchive zip, List<(string Id, string ContentType)> media, DateTime createdAt, SortedDictionary<string, string> checksums, Action<string> progress, CancellationToken cancellationToken)
    {
        var entries = new List<MediaEntry>();
        var missing = new List<string>();
        foreach (var (id, contentType) in media)
        {
            var key = MediaKeys.Original(id);
            await using var stored = await store.OpenReadAsync(key, cancellationToken);
            if (stored is null)
            {
                missing.Add(id);
                progress($"Warning: the original of medium {id} is missing from the media store; the archive holds its row only.");
                continue;
            }

            var name = ArchiveLayout.Media(key);
            // Images and videos are compressed already: stored as they are.
            await using (var stream = Create(zip, name, createdAt, CompressionLevel.NoCompression, out var hashing))
            {
                await stored.Content.CopyToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                checksums[name] = hashing.HashHex();
                entries.Add(new MediaEntry(id, key, name, contentType, hashing.Written));
            }

            if (entries.Count % 100 == 0 || entries.Count + missing.Count == media.Count)
            {
                progress($"Media: {entries.Count:N0} of {media.Count:N0} originals");
            }
        }

        return (entries, missing);
    }

    private static BufferedStream Create(ZipArchive zip, string name, DateTime createdAt, CompressionLevel level, out HashingStream hashing)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = createdAt;
        hashing = new HashingStream(entry.Open());
        return new BufferedStream(hashing, 1 << 16);
    }
}
