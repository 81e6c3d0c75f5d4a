using System.Text.Json;
using Smile.Site.Sources;

namespace Smile.Site.Fetching;

/// <summary>
/// The content types of the API, read by introspection: every object type implementing <c>Item</c>, the
/// list field that pages through it, and how to select each of its fields. A type imported into the CMS at
/// runtime appears here at the next build, with no change to the generator.
/// </summary>
public sealed record SiteSchema(IReadOnlyList<SiteType> Types)
{
    internal const string Introspection = """
        query SiteSchema {
          __schema {
            types {
              name
              kind
              interfaces { name }
              fields {
                name
                args { name }
                type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
              }
            }
          }
        }
        """;

    public SiteType? Find(string name) => Types.FirstOrDefault(t => t.Name == name);

    /// <summary>This schema with a theme's extra selections (fields with arguments) added to their types.</summary>
    public SiteSchema WithSelections(IReadOnlyDictionary<string, string> extra) =>
        extra.Count == 0 ? this : new([.. Types.Select(t => extra.TryGetValue(t.Name, out var more) ? t with { Selection = t.Selection + " " + more } : t)]);

    public static async Task<SiteSchema> ReadAsync(IContentSource source, CancellationToken cancellationToken)
    {
        var data = await source.ExecuteAsync(new ContentRequest(Introspection, "SiteSchema"), cancellationToken);
        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Select(t => new IntrospectedType(
                t.GetProperty("name").GetString()!,
                t.GetProperty("kind").GetString()!,
                t.TryGetProperty("interfaces", out var i) && i.ValueKind == JsonValueKind.Array ? [.. i.EnumerateArray().Select(x => x.GetProperty("name").GetString()!)] : [],
                t.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                    ? [.. f.EnumerateArray().Select(x => new IntrospectedField(x.GetProperty("name").GetString()!, x.GetProperty("args").GetArrayLength(), Unwrap(x.GetProperty("type"))))]
                    : []))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);

        var query = types["Query"];
        var contentTypes = new List<SiteType>();
        foreach (var type in types.Values.Where(t => t.Kind == "OBJECT" && t.Interfaces.Contains("Item")).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var listField = query.Fields.FirstOrDefault(f => f.TypeName == type.Name + "Connection")?.Name;
            if (listField is null)
            {
                continue;
            }

            var selection = string.Join(" ", type.Fields.Select(f => Select(f, types)).OfType<string>());
            contentTypes.Add(new SiteType(type.Name, listField, selection));
        }

        return new SiteSchema(contentTypes);
    }

    private static (string Kind, string Name) Unwrap(JsonElement type)
    {
        while (type.GetProperty("name").ValueKind == JsonValueKind.Null && type.TryGetProperty("ofType", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            type = inner;
        }

        return (type.GetProperty("kind").GetString()!, type.GetProperty("name").GetString()!);
    }

    /// <summary>How a field is selected for the site: everything a template may show, one level into relations.</summary>
    private static string? Select(IntrospectedField field, Dictionary<string, IntrospectedType> types)
    {
        // Fields with arguments are computed views (derivative URLs, time series); the known ones are selected below.
        if (field.Arguments > 0 || field.Name == "owner")
        {
            return null;
        }

        var (kind, name) = field.Type;
        if (kind is "SCALAR" or "ENUM")
        {
            return field.Name;
        }

        if (!types.TryGetValue(name, out var type))
        {
            return null;
        }

        return name switch
        {
            "MarkdownText" => $"{field.Name} {{ html }}",
            "MediaAsset" => $"{field.Name} {{ mediaId alt decorative caption width height url srcset jpegSrcset: srcset(format: JPEG) }}",
            "Localization" => $"{field.Name} {{ id culture title path }}",
            _ when name == "Item" || type.Interfaces.Contains("Item") => $"{field.Name} {{ __typename id contentType title path }}",
            _ when type.Kind == "OBJECT" => ScalarsOf(field.Name, type),
            _ => null,
        };
    }

    private static string? ScalarsOf(string fieldName, IntrospectedType type)
    {
        var scalars = type.Fields.Where(f => f.Arguments == 0 && f.Type.Kind is "SCALAR" or "ENUM").Select(f => f.Name).ToList();
        return scalars.Count == 0 ? null : $"{fieldName} {{ {string.Join(" ", scalars)} }}";
    }

    private sealed record IntrospectedType(string Name, string Kind, IReadOnlyList<string> Interfaces, IReadOnlyList<IntrospectedField> Fields);

    private sealed record IntrospectedField(string Name, int Arguments, (string Kind, string Name) Type)
    {
        public string TypeName => Type.Name;
    }
}

/// <summary>A content type as the site reads it: its list field and the selection of all its fields.</summary>
public sealed record SiteType(string Name, string ListField, string Selection);
