using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Security;

namespace Smile.Recipes;

/// <summary>A parsed recipe. Every entry remembers its JSON path so import errors can point at it.</summary>
public sealed record Recipe(string Name, string? DisplayName, string? Description, IReadOnlyList<ContentTypeDefinition> ContentTypes, IReadOnlyList<RecipeRole> Roles, IReadOnlyList<RecipeItem> Items);

public sealed record RecipeRole(string Name, IReadOnlySet<Permission> Permissions);

public sealed record RecipeItem(string JsonPath, string Id, string Type, string Culture, string Title, string? Slug, bool Published, DateTime? PublishedAt, JsonObject Fields);
