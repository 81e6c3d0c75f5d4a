namespace Smile.Api.GraphQL.Schema;

/// <summary>How content type names become GraphQL field names: NewsArticle → newsArticle / newsArticles.</summary>
public static class Naming
{
    public static string Single(string typeName) => char.ToLowerInvariant(typeName[0]) + typeName[1..];

    public static string List(string typeName)
    {
        var single = Single(typeName);
        var plural = single switch
        {
            _ when single.EndsWith('y') && single.Length > 1 && !"aeiou".Contains(single[^2], StringComparison.Ordinal) => single[..^1] + "ies",
            _ when single.EndsWith('s') || single.EndsWith('x') || single.EndsWith("ch", StringComparison.Ordinal) || single.EndsWith("sh", StringComparison.Ordinal) => single + "es",
            _ => single + "s",
        };
        return plural == single ? single + "List" : plural;
    }
}
