using Smile.Content.Items;

namespace Smile.Content.Querying;

public sealed record ContentPage(IReadOnlyList<ContentVersion> Items, int TotalCount);
