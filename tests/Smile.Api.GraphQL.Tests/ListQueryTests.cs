using System.Net;

namespace Smile.Api.GraphQL.Tests;

public sealed class ListQueryTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_latest_news_come_with_a_total_count_and_typed_relations(string provider)
    {
        await using var cms = await RunningCms.StartAsync(databases, provider);

        var response = await cms.QueryAsync("""
            { newsArticles(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { title path tags { __typename title } } } }
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        var news = response.Data!["newsArticles"]!;
        Assert.Equal(6, news["totalCount"]!.GetValue<int>());
        Assert.True(news["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(2, news["nodes"]!.AsArray().Count);
        Assert.All(news["nodes"]!.AsArray(), n => Assert.StartsWith("/aktuelles/", n!["path"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(news["nodes"]!.AsArray().SelectMany(n => n!["tags"]!.AsArray()), t => Assert.Equal("Tag", t!["__typename"]!.GetValue<string>()));
    }
}
