using System.Data.Common;
using System.Text.Json;

namespace Smile.Operations.Database;

/// <summary>Writes one table as JSON lines (an array of values per row, in key order) from the snapshot transaction.</summary>
public static class TableExporter
{
    public static async Task<long> ExportAsync(DbConnection connection, DbTransaction snapshot, DatabaseTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        var order = table.KeyColumns.Count > 0 ? " ORDER BY " + string.Join(", ", table.KeyColumns.Select(DatabaseTables.Quote)) : "";
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => DatabaseTables.Quote(c.Name)))} FROM {DatabaseTables.Quote(table.Name)}{order}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteStartArray();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                ColumnValues.Write(json, reader, i, table.Columns[i]);
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken);
            json.Reset();
            output.WriteByte((byte)'\n');
            rows++;
        }

        return rows;
    }
}
