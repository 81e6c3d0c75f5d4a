using System.Net;

namespace Smile.Api.GraphQL.Tests;

public sealed class ValidationCacheTests(TestDatabases databases)
{
    [Fact]
    public async Task A_document_validated_with_small_variables_is_validated_again_with_large_ones()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        const string Explosion = """
            query ($first: Int) { newsArticles(first: $first) { nodes { relatedProjects { news { tags { title } } } } } }
            """;

        var small = await cms.QueryAsync(Explosion, new { first = 1 });
        var again = await cms.QueryAsync(Explosion, new { first = 1 });
        var large = await cms.QueryAsync(Explosion, new { first = 100 });

        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("too complex", large.FirstError, StringComparison.Ordinal);
    }
}
