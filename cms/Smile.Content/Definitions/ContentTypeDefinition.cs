using System.Text.Json.Serialization;

namespace Smile.Content.Definitions;

/// <summary>
/// A content type is data: a name, settings, parts and fields. Municipalities add types through
/// recipes without recompiling anything.
/// </summary>
public sealed record ContentTypeDefinition
{
    public const string DefaultCulture = "de";

    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public ContentTypeSettings Settings { get; init; } = new();

    /// <summary>Path of items in the default culture, e.g. <c>/aktuelles/{slug}</c>.</summary>
    public string? PathPattern { get; init; }

    /// <summary>Per-culture overrides, e.g. <c>en</c> → <c>/en/news/{slug}</c>.</summary>
    public IReadOnlyDictionary<string, string> PathPatterns { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<ContentPart> Parts { get; init; } = [ContentPart.Title];

    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    public bool Has(ContentPart part) => part == ContentPart.Title || Parts.Contains(part);

    [JsonIgnore]
    public bool IsRoutable => Has(ContentPart.Autoroute) && PathPattern is not null;

    /// <summary>The declared fields plus those the parts bring (the Markdown body).</summary>
    [JsonIgnore]
    public IEnumerable<FieldDefinition> AllFields
    {
        get
        {
            if (Has(ContentPart.MarkdownBody))
            {
                yield return BodyField;
            }

            foreach (var declared in Fields)
            {
                yield return declared;
            }
        }
    }

    public FieldDefinition? FindField(string name) => AllFields.FirstOrDefault(f => f.Name == name);

    /// <summary>The path pattern for a culture: an override, else the default prefixed with the culture.</summary>
    public string? PathPatternFor(string culture)
    {
        if (!IsRoutable)
        {
            return null;
        }

        if (PathPatterns.TryGetValue(culture, out var pattern))
        {
            return pattern;
        }

        return culture == DefaultCulture ? PathPattern : "/" + culture + PathPattern;
    }

    public static readonly FieldDefinition BodyField = new("body", "Text", FieldKind.Markdown);
}
