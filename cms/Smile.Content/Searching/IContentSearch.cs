namespace Smile.Content.Searching;

/// <summary>
/// Full-text search over content: the port the API calls and a search engine implements. Answers never
/// fail on what a user typed; a query that means nothing finds nothing.
/// </summary>
public interface IContentSearch
{
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);
}
