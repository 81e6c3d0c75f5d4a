using System.Text.Json.Nodes;

namespace Smile.Content.Items;

/// <summary>What an editor (or a recipe, or an importer) submits for a version.</summary>
public sealed record ContentInput
{
    public required string Title { get; init; }

    /// <summary>An explicit slug; when absent it is made from the title.</summary>
    public string? Slug { get; init; }

    /// <summary>Field values by field name; the Markdown body part uses <c>body</c>.</summary>
    public JsonObject Fields { get; init; } = [];
}
