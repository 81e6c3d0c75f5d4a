using System.Text.Json.Nodes;
using Smile.Admin.Forms;
using Smile.Content.Definitions;

namespace Smile.Admin.History;

/// <summary>One row of a side-by-side comparison: a field, its value on each side, and whether they differ.</summary>
public sealed record ComparedField(string Name, string Label, string Left, string Right)
{
    public bool Changed => !string.Equals(Left, Right, StringComparison.Ordinal);
}

/// <summary>Compares two states of an item field by field (title and slug first), for the history and for edit conflicts.</summary>
public static class FieldComparison
{
    public static IReadOnlyList<ComparedField> Compare(
        ContentTypeDefinition type,
        (string Title, string? Slug, JsonObject Fields) left,
        (string Title, string? Slug, JsonObject Fields) right,
        IReadOnlyDictionary<string, string>? titles = null)
    {
        var rows = new List<ComparedField>
        {
            new("title", "Titel", left.Title.Trim(), right.Title.Trim()),
        };
        if (type.Has(ContentPart.Autoroute))
        {
            rows.Add(new("slug", "Kurzname (Slug)", left.Slug ?? "", right.Slug ?? ""));
        }

        foreach (var field in type.AllFields)
        {
            rows.Add(new(field.Name, field.DisplayName, FieldDisplay.Text(field, left.Fields[field.Name], titles).Trim(), FieldDisplay.Text(field, right.Fields[field.Name], titles).Trim()));
        }

        return rows;
    }
}
