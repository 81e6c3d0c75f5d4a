using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Security;

namespace Smile.Recipes;

/// <summary>Parses recipe JSON strictly: unknown keys, wrong types and missing values are errors with their JSON path.</summary>
public static class RecipeReader
{
    private static readonly HashSet<string> RecipeKeys = ["name", "displayName", "description", "contentTypes", "taxonomies", "roles", "media", "content"];
    private static readonly HashSet<string> ItemKeys = ["id", "type", "culture", "title", "slug", "published", "publishedAt", "body", "fields"];

    public static Recipe Read(string json, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RecipeException(file, ex.Path ?? "$", $"kein gültiges JSON (Zeile {ex.LineNumber + 1}, Spalte {ex.BytePositionInLine + 1}): {ex.Message}");
        }

        var reader = new Reader(file);
        var recipe = reader.Object(root, "$");
        reader.OnlyKeys(recipe, "$", RecipeKeys);
        var types = reader.Array(recipe["contentTypes"], "$.contentTypes", optional: true)
            .Select((node, i) => reader.ContentType(node, $"$.contentTypes[{i}]")).ToList();
        var roles = reader.Array(recipe["roles"], "$.roles", optional: true)
            .Select((node, i) => reader.Role(node, $"$.roles[{i}]")).ToList();
        var items = new List<RecipeItem>();
        foreach (var (taxonomy, t) in reader.Array(recipe["taxonomies"], "$.taxonomies", optional: true).Select((n, i) => (n, i)))
        {
            var path = $"$.taxonomies[{t}]";
            var obj = reader.Object(taxonomy, path);
            reader.OnlyKeys(obj, path, ["type", "terms"]);
            var type = reader.String(obj["type"], path + ".type");
            foreach (var (term, i) in reader.Array(obj["terms"], path + ".terms").Select((n, i) => (n, i)))
            {
                var termPath = $"{path}.terms[{i}]";
                var termObject = reader.Object(term, termPath);
                reader.OnlyKeys(termObject, termPath, ["id", "title", "slug"]);
                items.Add(new RecipeItem(termPath, reader.String(termObject["id"], termPath + ".id"), type, ContentTypeDefinition.DefaultCulture,
                    reader.String(termObject["title"], termPath + ".title"), reader.OptionalString(termObject["slug"], termPath + ".slug"), true, null, []));
            }
        }

        items.AddRange(reader.Array(recipe["content"], "$.content", optional: true).Select((node, i) => reader.Item(node, $"$.content[{i}]")));
        var duplicate = items.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RecipeException(file, duplicate.Skip(1).First().JsonPath + ".id", $"die ID '{duplicate.Key}' kommt mehrfach vor.");
        }

        var media = reader.Array(recipe["media"], "$.media", optional: true).Select((node, i) => reader.Media(node, $"$.media[{i}]")).ToList();
        var parsed = new Recipe(reader.String(recipe["name"], "$.name"), reader.OptionalString(recipe["displayName"], "$.displayName"),
            reader.OptionalString(recipe["description"], "$.description"), types, roles, items);
        return parsed with { Media = media };
    }

    private sealed class Reader(string file)
    {
        public ContentTypeDefinition ContentType(JsonNode? node, string path)
        {
            Object(node, path);
            try
            {
                return node.Deserialize<ContentTypeDefinition>(ContentTypeJson.Options) ?? throw Error(path, "leere Typdefinition.");
            }
            catch (JsonException ex)
            {
                var relative = ex.Path is { Length: > 1 } p ? p[1..] : "";
                throw Error(path + relative, Explain(node!, relative, ex));
            }
        }

        /// <summary>System.Text.Json names .NET types; editors need the value and what is allowed instead.</summary>
        private static string Explain(JsonNode type, string relativePath, JsonException ex)
        {
            var value = Navigate(type, relativePath);
            var allowed = relativePath.EndsWith(".kind", StringComparison.Ordinal) ? Enum.GetNames<FieldKind>()
                : relativePath.Contains(".parts", StringComparison.Ordinal) ? Enum.GetNames<ContentPart>()
                : null;
            if (allowed is not null)
            {
                return $"der Wert {value?.ToJsonString() ?? "null"} ist nicht erlaubt; erlaubt sind {string.Join(", ", allowed)}.";
            }

            if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
            {
                return $"unbekannter Schlüssel '{relativePath[(relativePath.LastIndexOf('.') + 1)..]}' in der Typdefinition.";
            }

            if (ex.Message.Contains("missing required properties", StringComparison.Ordinal))
            {
                return "Pflichtangaben fehlen (name, displayName; bei Feldern name, displayName, kind).";
            }

            return $"der Wert {value?.ToJsonString() ?? "null"} hat hier nicht die erwartete Form.";
        }

        private static JsonNode? Navigate(JsonNode node, string relativePath)
        {
            JsonNode? current = node;
            foreach (System.Text.RegularExpressions.Match step in System.Text.RegularExpressions.Regex.Matches(relativePath, @"\.(\w+)|\[(\d+)\]"))
            {
                current = step.Groups[1].Success ? (current as JsonObject)?[step.Groups[1].Value] : (current as JsonArray)?[int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture)];
            }

            return current;
        }

        public RecipeRole Role(JsonNode? node, string path)
        {
            var obj = Object(node, path);
            OnlyKeys(obj, path, ["name", "permissions"]);
            var permissions = new HashSet<Permission>();
            foreach (var (value, i) in Array(obj["permissions"], path + ".permissions").Select((n, i) => (n, i)))
            {
                var name = String(value, $"{path}.permissions[{i}]");
                if (!Enum.TryParse<Permission>(name, ignoreCase: false, out var permission) || !Enum.IsDefined(permission))
                {
                    throw Error($"{path}.permissions[{i}]", $"unbekannte Berechtigung '{name}'; bekannt sind {string.Join(", ", Enum.GetNames<Permission>())}.");
                }

                permissions.Add(permission);
            }

            return new RecipeRole(String(obj["name"], path + ".name"), permissions);
        }

        public RecipeItem Item(JsonNode? node, string path)
        {
            var obj = Object(node, path);
            OnlyKeys(obj, path, ItemKeys);
            var fields = obj["fields"] is null ? [] : Object(obj["fields"], path + ".fields").DeepClone().AsObject();
            if (obj["body"] is { } body)
            {
                fields["body"] = body.DeepClone();
            }

            DateTime? publishedAt = null;
            if (OptionalString(obj["publishedAt"], path + ".publishedAt") is { } text)
            {
                publishedAt = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && text.Contains('T', StringComparison.Ordinal)
                    ? parsed.UtcDateTime
                    : throw Error(path + ".publishedAt", $"'{text}' ist kein Zeitpunkt im Format ISO 8601 mit Zeitzone.");
            }

            var published = obj["published"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                _ => throw Error(path + ".published", "erwartet wird true oder false."),
            };
            return new RecipeItem(path, String(obj["id"], path + ".id"), String(obj["type"], path + ".type"),
                OptionalString(obj["culture"], path + ".culture") ?? ContentTypeDefinition.DefaultCulture,
                String(obj["title"], path + ".title"), OptionalString(obj["slug"], path + ".slug"), published, publishedAt, fields);
        }

        public RecipeMedia Media(JsonNode? node, string path)
        {
            var obj = Object(node, path);
            OnlyKeys(obj, path, ["file", "sha256"]);
            var sha256 = String(obj["sha256"], path + ".sha256").ToLowerInvariant();
            if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
            {
                throw Error(path + ".sha256", $"'{sha256}' ist keine SHA-256-Prüfsumme (64 Hexadezimalzeichen).");
            }

            return new RecipeMedia(path, String(obj["file"], path + ".file"), sha256);
        }

        public JsonObject Object(JsonNode? node, string path) => node as JsonObject ?? throw Error(path, "erwartet wird ein Objekt.");

        public JsonArray Array(JsonNode? node, string path, bool optional = false) => node switch
        {
            null when optional => [],
            JsonArray array => array,
            _ => throw Error(path, "erwartet wird eine Liste."),
        };

        public string String(JsonNode? node, string path) =>
            OptionalString(node, path) is { Length: > 0 } text ? text : throw Error(path, "der Wert fehlt.");

        public string? OptionalString(JsonNode? node, string path) => node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw Error(path, "erwartet wird ein Text."),
        };

        public void OnlyKeys(JsonObject obj, string path, HashSet<string> allowed)
        {
            foreach (var (key, _) in obj)
            {
                if (!allowed.Contains(key))
                {
                    throw Error($"{path}.{key}", $"unbekannter Schlüssel; erlaubt sind {string.Join(", ", allowed)}.");
                }
            }
        }

        private RecipeException Error(string path, string problem) => new(file, path, problem);
    }
}
