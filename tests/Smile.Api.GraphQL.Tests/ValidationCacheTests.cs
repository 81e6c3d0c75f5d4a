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

    [Fact]
    public async Task A_document_reused_across_new_words_is_still_estimated_by_its_page_size_and_checks_each_value()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        const string Explosion = """
            query ($first: Int, $culture: String) { newsArticles(first: $first, culture: $culture) { nodes { relatedProjects { news { tags { title } } } } } }
            """;

        var german = await cms.QueryAsync(Explosion, new { first = 1, culture = "de" });
        var english = await cms.QueryAsync(Explosion, new { first = 1, culture = "en" });
        var large = await cms.QueryAsync(Explosion, new { first = 100, culture = "de" });
        var wrongType = await cms.QueryAsync(Explosion, new { first = 1, culture = 5 });

        Assert.Equal(HttpStatusCode.OK, german.Status);
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("too complex", large.FirstError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Contains("culture", wrongType.FirstError, StringComparison.Ordinal);
    }
}
