namespace Smile.Api.GraphQL.Querying;

/// <summary>What PageInfo reads: whether there is more, and where to continue.</summary>
internal interface IPage
{
    bool HasNextPage { get; }

    string? EndCursor { get; }
}
