using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Smile.Media.Stores;
using Smile.Operations.Archive;
using Smile.Operations.Database;
using Smile.Storage;
using Smile.Storage.Entities;
using Smile.Storage.Sqlite;

namespace Smile.Operations.Restore;

/// <summary>
/// Restores an archive into the configured database and media store, with the CMS stopped. Refuses before
/// touching anything when the archive is damaged or too new or the database holds content (unless forced);
/// then writes the originals, and the whole database in one transaction, so it ends restored or as it was.
/// </summary>
public sealed class RestoreService(IDbContextFactory<SmileDbContext> contexts, IMediaStore store)
{
    public async Task<RestoreResult> RestoreAsync(string archivePath, bool force, Action<string> progress, CancellationToken cancellationToken = default)
    {
        using var archive = BackupArchive.Open(archivePath);
        var manifest = archive.Manifest;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schema = CheckVersions(db, manifest);
        progress($"Archive of {manifest.CreatedAt:u} from Smile {manifest.SmileVersion} on {manifest.DatabaseProvider}, schema {manifest.SchemaVersion}: " +
            $"{manifest.Counts.Items:N0} items, {manifest.Counts.Versions:N0} versions, {manifest.Counts.Users:N0} users, {manifest.Media.Count:N0} media originals");
        archive.VerifyChecksums(progress);

        var tables = DatabaseTables.Of(db);
        var wasEmpty = await PrepareTargetAsync(db, tables, schema, force, progress, cancellationToken);
        if (db.Database.IsSqlite())
        {
            await SqliteStorage.UseWriteAheadLogAsync(db, cancellationToken);
        }

        // Originals first: if the database then fails, it is as it was and the store merely holds extra files.
        await RestoreMediaAsync(archive, progress, cancellationToken);
        var rows = await RestoreDatabaseAsync(db, archive, tables, wasEmpty, progress, cancellationToken);

        if (schema != SchemaVersions.Latest(db))
        {
            progress($"Migrating the restored database from {schema} to {SchemaVersions.Latest(db)}");
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new RestoreFailedException(
                    $"The archive's rows are restored at schema {schema}, but migrating them to {SchemaVersions.Latest(db)} failed ({ex.Message}). Starting the CMS tries the migration again.", ex);
            }
        }

        return new RestoreResult(manifest, rows, manifest.Media.Count, !wasEmpty);
    }

    /// <summary>This build's migration id for the archive's schema; refuses archives from a newer Smile or schema.</summary>
    private static string CheckVersions(SmileDbContext db, BackupManifest manifest)
    {
        if (SmileVersion.IsNewer(manifest.SmileVersion, SmileVersion.Current))
        {
            throw new OperationRefusedException(RefusalReason.NewerArchive,
                $"The archive was written by Smile {manifest.SmileVersion}, which is newer than this Smile {SmileVersion.Current}. Restore it with Smile {manifest.SmileVersion} or later.");
        }

        return SchemaVersions.Find(db, manifest.SchemaVersion) ?? throw new OperationRefusedException(RefusalReason.NewerArchive,
            $"The archive has the database schema {manifest.SchemaVersion}, which this Smile does not know (its newest is {SchemaVersions.Latest(db)}). " +
            "It comes from a newer Smile: restore it with that version.");
    }

    /// <summary>Brings the target to the archive's schema; whether it was empty (a non-empty one only with <paramref name="force"/>).</summary>
    private static async Task<bool> PrepareTargetAsync(SmileDbContext db, IReadOnlyList<DatabaseTable> tables, string schema, bool force, Action<string> progress, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var filled = applied.Count == 0 ? null : await FirstFilledTableAsync(db, tables, cancellationToken);
        if (filled is null)
        {
            await SchemaVersions.MigrateToAsync(db, schema, cancellationToken);
            return true;
        }

        if (!force)
        {
            throw new OperationRefusedException(RefusalReason.TargetNotEmpty,
                $"The database is not empty (the table {filled} has rows). Restore into an empty database, or add --force to replace everything in it.");
        }

        if (applied[^1] != schema)
        {
            throw new OperationRefusedException(RefusalReason.DatabaseState,
                $"The database to replace is at schema {applied[^1]}, the archive at {schema}. Restore into an empty database instead (drop it, or use a new data folder).");
        }

        progress("The database is not empty: --force given, its content will be replaced in the restore's transaction.");
        return false;
    }

    private static async Task<string?> FirstFilledTableAsync(SmileDbContext db, IReadOnlyList<DatabaseTable> tables, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // The counters table has seed rows in every migrated database: it does not make one "filled".
        var counters = db.Model.FindEntityType(typeof(CounterRow))!.GetTableName();
        foreach (var table in tables.Where(t => t.Name != counters))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT 1 FROM {DatabaseTables.Quote(table.Name)} LIMIT 1";
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return table.Name;
            }
        }

        return null;
    }

    private async Task RestoreMediaAsync(BackupArchive archive, Action<string> progress, CancellationToken cancellationToken)
    {
        var media = archive.Manifest.Media;
        var temporary = Path.Combine(Path.GetTempPath(), "smile-restore-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var i = 0; i < media.Count; i++)
            {
                await using (var source = archive.OpenEntry(media[i].Entry))
                await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await source.CopyToAsync(file, cancellationToken);
                }

                await store.PutFileAsync(media[i].Key, temporary, media[i].ContentType, cancellationToken);
                // Derivatives left from before may have been cut for another focal point: they render again on demand.
                await store.DeleteAllAsync(MediaKeys.Derivatives(media[i].Id), cancellationToken);
                if ((i + 1) % 100 == 0 || i + 1 == media.Count)
                {
                    progress($"Media: {i + 1:N0} of {media.Count:N0} originals restored");
                }
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<long> RestoreDatabaseAsync(SmileDbContext db, BackupArchive archive, IReadOnlyList<DatabaseTable> tables, bool wasEmpty, Action<string> progress, CancellationToken cancellationToken)
    {
        var archived = archive.Manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (tables.FirstOrDefault(t => !archived.ContainsKey(t.Name)) is { } absent)
        {
            throw new OperationRefusedException(RefusalReason.DamagedArchive, $"The archive has no rows for the table {absent.Name}, which its schema has.");
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long rows = 0;
        try
        {
            // Every table is emptied, the seeded counters too: they come back with the archive's values (outbox position).
            foreach (var table in tables.Reverse())
            {
                await ExecuteAsync(connection, transaction, $"DELETE FROM {DatabaseTables.Quote(table.Name)}", cancellationToken);
            }

            foreach (var table in tables)
            {
                var entry = archived[table.Name];
                await using var stream = archive.OpenEntry(entry.Entry);
                var imported = await TableImporter.ImportAsync(connection, transaction, table, entry.Columns, stream, cancellationToken);
                if (imported != entry.Rows)
                {
                    throw new InvalidDataException($"The table {table.Name} has {imported:N0} rows in the archive, the manifest says {entry.Rows:N0}.");
                }

                rows += imported;
                progress($"Database: {table.Name}, {imported:N0} rows");
            }

            if (connection is NpgsqlConnection)
            {
                await ResetIdentitiesAsync(connection, transaction, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return rows;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new RestoreFailedException(
                $"The restore failed while writing the database ({ex.Message}). Its transaction was rolled back: the database is {(wasEmpty ? "empty" : "unchanged, as it was before the restore")}.", ex);
        }
    }

    /// <summary>Identity columns go on after the restored keys, not from 1 (PostgreSQL does not move them on explicit inserts; SQLite does).</summary>
    private static async Task ResetIdentitiesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            var quotedTable = DatabaseTables.Quote(table);
            var quotedColumn = DatabaseTables.Quote(column);
            await ExecuteAsync(connection, transaction,
                $"SELECT setval(pg_get_serial_sequence('{quotedTable.Replace("'", "''", StringComparison.Ordinal)}', '{column.Replace("'", "''", StringComparison.Ordinal)}'), " +
                $"COALESCE((SELECT MAX({quotedColumn}) FROM {quotedTable}), 0) + 1, false)",
                cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
