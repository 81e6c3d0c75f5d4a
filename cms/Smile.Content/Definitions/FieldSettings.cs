using System.Text.Json.Serialization;

namespace Smile.Content.Definitions;

/// <summary>Settings of one field. Which ones apply depends on the field kind; the others are ignored.</summary>
public sealed record FieldSettings
{
    public bool Required { get; init; }

    public int? MaxLength { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Enumeration values (lowercase identifiers).</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Display labels of enumeration values, keyed by value.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Pickers, taxonomies, enumerations and media may hold several values.</summary>
    public bool Multiple { get; init; }

    /// <summary>Content types a content picker may point to; empty means any.</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    /// <summary>The term type a taxonomy field picks from.</summary>
    public string? Taxonomy { get; init; }

    /// <summary>Values go into the field index so queries can filter by them.</summary>
    public bool Filterable { get; init; }

    /// <summary>Values go into the field index so queries can order by them.</summary>
    public bool Sortable { get; init; }

    public string? Hint { get; init; }

    [JsonIgnore]
    public bool Indexed => Filterable || Sortable;
}
