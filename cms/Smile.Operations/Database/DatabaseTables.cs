using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Smile.Operations.Database;

/// <summary>One table of the EF model: its columns with the CLR type the provider reads and writes.</summary>
public sealed record DatabaseTable(string Name, IReadOnlyList<DatabaseColumn> Columns, IReadOnlyList<string> KeyColumns)
{
    public DatabaseColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

public sealed record DatabaseColumn(string Name, Type ClrType, bool Nullable);

/// <summary>
/// Every table of <c>SmileDbContext</c>'s model, parents before children (foreign keys), so rows can be inserted
/// in this order and deleted in the reverse one. Read from the model, so a table added later is backed up too.
/// </summary>
public static class DatabaseTables
{
    public static IReadOnlyList<DatabaseTable> Of(DbContext db)
    {
        var tables = db.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t.Name)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle; they cannot be ordered for a restore.");
            }

            foreach (var table in ready)
            {
                ordered.Add(table);
                placed.Add(table.Name);
            }
        }

        return [.. ordered.Select(t => new DatabaseTable(
            t.Name,
            [.. t.Columns.Select(c => new DatabaseColumn(c.Name, Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType, c.IsNullable))],
            [.. t.PrimaryKey?.Columns.Select(c => c.Name) ?? []]))];
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
