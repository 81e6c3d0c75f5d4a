using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Smile.Operations.Database;

/// <summary>Inserts a table's JSON lines inside the restore's transaction, many rows per statement.</summary>
public static class TableImporter
{
    // Well under SQLite's and PostgreSQL's limits on parameters per statement.
    private const int ParametersPerStatement = 900;

    public static async Task<long> ImportAsync(DbConnection connection, DbTransaction transaction, DatabaseTable table, IReadOnlyList<string> archivedColumns, Stream input, CancellationToken cancellationToken)
    {
        var columns = archivedColumns.Select(name => table.Column(name)
            ?? throw new InvalidDataException($"The archive has a column {table.Name}.{name} that this database does not have.")).ToList();
        var rowsPerStatement = Math.Max(1, ParametersPerStatement / columns.Count);
        var batch = new List<object[]>(rowsPerStatement);
        DbCommand? full = null;
        long rows = 0;
        try
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                batch.Add(Parse(line, columns, table.Name, rows + batch.Count + 1));
                if (batch.Count == rowsPerStatement)
                {
                    full ??= Insert(connection, transaction, table.Name, columns, rowsPerStatement);
                    await ExecuteAsync(full, batch, cancellationToken);
                    rows += batch.Count;
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await using var rest = Insert(connection, transaction, table.Name, columns, batch.Count);
                await ExecuteAsync(rest, batch, cancellationToken);
                rows += batch.Count;
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return rows;
    }

    private static object[] Parse(string line, List<DatabaseColumn> columns, string table, long number)
    {
        using var document = JsonDocument.Parse(line);
        var values = document.RootElement;
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != columns.Count)
        {
            throw new InvalidDataException($"Row {number} of {table} does not have the {columns.Count} values its columns need.");
        }

        var row = new object[columns.Count];
        var i = 0;
        foreach (var value in values.EnumerateArray())
        {
            row[i] = ColumnValues.Read(value, columns[i]);
            i++;
        }

        return row;
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, string table, List<DatabaseColumn> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {DatabaseTables.Quote(table)} ({string.Join(", ", columns.Select(c => DatabaseTables.Quote(c.Name)))}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{(r * columns.Count) + c}";
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, List<object[]> batch, CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var row in batch)
        {
            foreach (var value in row)
            {
                command.Parameters[i++].Value = value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
