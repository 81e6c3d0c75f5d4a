using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smile.Content.Definitions;

/// <summary>The one JSON form of type definitions: stored, exported and read from recipes.</summary>
public static class ContentTypeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        WriteIndented = false,
    };

    public static string Serialize(ContentTypeDefinition type) => JsonSerializer.Serialize(type, Options);

    public static ContentTypeDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<ContentTypeDefinition>(json, Options) ?? throw new JsonException("Leere Typdefinition.");
}
