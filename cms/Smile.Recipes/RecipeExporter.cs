using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Recipes;

/// <summary>Writes types and the latest version of every item as a recipe that imports back to the same content.</summary>
public sealed class RecipeExporter(IContentReader reader)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<string> ExportAsync(string name, CancellationToken cancellationToken = default)
    {
        var types = await reader.ListTypesAsync(cancellationToken);
        var byName = types.ToDictionary(t => t.Name);
        var content = new JsonArray();
        const int PageSize = 200;
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await reader.QueryAsync(new ContentQuery
            {
                Culture = null,
                Status = VersionStatus.Latest,
                OrderBy = [new SortKey(CommonField.ContentType), new SortKey(CommonField.CreatedAt)],
                Offset = skip,
                Take = PageSize,
            }, cancellationToken);
            foreach (var version in page.Items)
            {
                var item = await reader.GetItemAsync(version.ItemId, cancellationToken);
                content.Add(Item(version, item!, byName[version.ContentType]));
            }

            if (page.Items.Count < PageSize)
            {
                break;
            }
        }

        var recipe = new JsonObject
        {
            ["name"] = name,
            ["contentTypes"] = JsonSerializer.SerializeToNode(types, ContentTypeJson.Options),
            ["content"] = content,
        };
        return recipe.ToJsonString(Indented);
    }

    private static JsonObject Item(ContentVersion version, ContentItem item, ContentTypeDefinition type)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in version.Fields)
        {
            // Rendered HTML is derived at import; the recipe carries only what editors wrote.
            fields[key] = type.FindField(key)?.Kind switch
            {
                FieldKind.Markdown => value!["markdown"]!.DeepClone(),
                FieldKind.Html => value!["html"]!.DeepClone(),
                _ => value?.DeepClone(),
            };
        }

        var node = new JsonObject
        {
            ["id"] = item.Id,
            ["type"] = item.ContentType,
            ["culture"] = item.Culture,
            ["title"] = version.Title,
        };
        if (version.Slug is not null)
        {
            node["slug"] = version.Slug;
        }

        node["published"] = item.PublishedVersion == version.Number;
        if (item.FirstPublishedAt is { } publishedAt)
        {
            node["publishedAt"] = publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        node["fields"] = fields;
        return node;
    }
}
