using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Security;

namespace Smile.Recipes;

/// <summary>A parsed recipe. Every entry remembers its JSON path so import errors can point at it.</summary>
public sealed record Recipe(string Name, string? DisplayName, string? Description, IReadOnlyList<ContentTypeDefinition> ContentTypes, IReadOnlyList<RecipeRole> Roles, IReadOnlyList<RecipeItem> Items)
{
    /// <summary>Files beside the recipe, stored through the media library; items refer to them by their SHA-256 as <c>mediaId</c>.</summary>
    public IReadOnlyList<RecipeMedia> Media { get; init; } = [];
}

public sealed record RecipeRole(string Name, IReadOnlySet<Permission> Permissions);

public sealed record RecipeItem(string JsonPath, string Id, string Type, string Culture, string Title, string? Slug, bool Published, DateTime? PublishedAt, JsonObject Fields);

/// <summary>A media file beside the recipe: its path relative to the recipe file, and the SHA-256 it must have.</summary>
public sealed record RecipeMedia(string JsonPath, string File, string Sha256);
