using Smile.Content.Items;

namespace Smile.Content.Querying;

/// <param name="TotalCount">All matching items; null when the query did not ask for it.</param>
/// <param name="HasMore">Whether items follow this page.</param>
public sealed record ContentPage(IReadOnlyList<ContentVersion> Items, int? TotalCount, bool HasMore);
