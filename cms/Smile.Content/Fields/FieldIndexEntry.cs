namespace Smile.Content.Fields;

/// <summary>One typed value of a filterable or sortable field, as stored in the field index.</summary>
public sealed record FieldIndexEntry(string Field, string? Text = null, double? Number = null, DateTime? Date = null, bool? Boolean = null)
{
    /// <summary>Index values are for equality, prefix and ordering; long texts are cut to keep the index small.</summary>
    public const int MaxTextLength = 256;
}
