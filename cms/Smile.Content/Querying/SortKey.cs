namespace Smile.Content.Querying;

/// <summary>Orders by a common column or a sortable field; ties are broken by item id so pages are stable.</summary>
public sealed record SortKey(string Field, bool Descending = false);
