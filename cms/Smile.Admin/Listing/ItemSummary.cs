namespace Smile.Admin.Listing;

/// <summary>One line about an item in a short list: which item, what it is called, and the time that matters there (UTC).</summary>
public sealed record ItemSummary(string Id, string Title, string ContentType, string Culture, DateTime At);
