using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Rendering;
using Smile.Content.Validation;

namespace Smile.Content.Tests;

/// <summary>The outcome of normalizing one field value: the stored value and the errors reported.</summary>
internal sealed record Normalized(JsonNode? Value, IReadOnlyList<ValidationError> Errors)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored value as compact JSON without HTML escaping, or null when nothing is stored.</summary>
    public string? Json => Value?.ToJsonString(Readable);

    /// <summary>The one error message; fails when there is not exactly one.</summary>
    public string Error => Assert.Single(Errors).Message;
}

/// <summary>Runs a field handler the way the version builder does.</summary>
internal static class Normalizing
{
    public const string FieldName = "feld";

    private static readonly MarkupRenderer Renderer = new();

    public static FieldDefinition Field(FieldKind kind, FieldSettings? settings = null) => new(FieldName, "Feld", kind, settings);

    /// <summary>Normalizes <paramref name="json"/> (JSON text, as an API request carries it).</summary>
    public static Normalized Normalize(FieldKind kind, string json, FieldSettings? settings = null) =>
        Normalize(kind, JsonNode.Parse(json) ?? throw new ArgumentException("JSON null is not a field input.", nameof(json)), settings);

    public static Normalized Normalize(FieldKind kind, JsonNode input, FieldSettings? settings = null)
    {
        var errors = new List<ValidationError>();
        var value = FieldHandlers.For(kind).Normalize(input, new FieldContext(Field(kind, settings), Renderer, errors));
        return new Normalized(value, errors);
    }

    /// <summary>A JSON string literal for <paramref name="text"/>.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public static List<FieldIndexEntry> Index(FieldKind kind, string storedJson) =>
        [.. FieldHandlers.For(kind).Index(FieldName, JsonNode.Parse(storedJson)!)];

    public static List<RelationEntry> Relations(FieldKind kind, string storedJson) =>
        [.. FieldHandlers.For(kind).Relations(FieldName, JsonNode.Parse(storedJson)!)];
}
