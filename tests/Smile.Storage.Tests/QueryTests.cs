using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class QueryTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<TestDatabase> SeedAsync(TestDatabases databases, string provider)
    {
        var db = await databases.WithTypesAsync(provider);
        await db.Content.RunAsync(Actor.System, async e =>
        {
            e.PendingItems = new Dictionary<string, string>();
            await e.CreateAsync("Tag", "de", new ContentInput { Title = "Umwelt" }, id: "tag-umwelt");
            await e.CreateAsync("Tag", "de", new ContentInput { Title = "Sport" }, id: "tag-sport");
            await e.PublishAsync("tag-umwelt");
            await e.PublishAsync("tag-sport");
            var rows = new (string Title, int Rank, string[] Tags)[]
            {
                ("Bewässerung in Dierkow", 5, ["tag-umwelt"]),
                ("HafenSport Rostock", 8, ["tag-sport"]),
                ("Gemeinschaftsgarten", 3, ["tag-umwelt", "tag-sport"]),
                ("Ohne Schlagwort", 1, []),
            };
            var day = 1;
            foreach (var (title, rank, tags) in rows)
            {
                var fields = new JsonObject { ["teaser"] = title, ["rank"] = rank, ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]) };
                var v = await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = fields });
                await e.PublishAsync(v.ItemId, firstPublishedAt: new DateTime(2025, 7, day++, 12, 0, 0, DateTimeKind.Utc));
            }
        });
        return db;
    }

    private static ContentQuery News(Filter? where = null, params SortKey[] orderBy) =>
        new() { ContentType = "NewsArticle", Where = where, OrderBy = orderBy.Length > 0 ? orderBy : [new SortKey(CommonField.PublishedAt, Descending: true)] };

    [Theory, MemberData(nameof(Providers))]
    public async Task The_latest_published_items_come_newest_first_with_a_total_count(string provider)
    {
        await using var db = await SeedAsync(databases, provider);

        var page = await db.Reader.QueryAsync(News() with { Take = 2 });

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(["Ohne Schlagwort", "Gemeinschaftsgarten"], page.Items.Select(v => v.Title));
        var next = await db.Reader.QueryAsync(News() with { Offset = 2, Take = 2 });
        Assert.Equal(["HafenSport Rostock", "Bewässerung in Dierkow"], next.Items.Select(v => v.Title));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Relation_filters_find_items_tagged_with_any_of_the_terms(string provider)
    {
        await using var db = await SeedAsync(databases, provider);

        var page = await db.Reader.QueryAsync(News(new RelatedTo("tags", ["tag-umwelt"]), new SortKey(CommonField.Title)));

        Assert.Equal(["Bewässerung in Dierkow", "Gemeinschaftsgarten"], page.Items.Select(v => v.Title));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Indexed_fields_filter_and_order_in_the_database(string provider)
    {
        await using var db = await SeedAsync(databases, provider);

        var ranked = await db.Reader.QueryAsync(News(new Compare("rank", FilterOperator.GreaterThanOrEqual, 3), new SortKey("rank", Descending: true)));
        var combined = await db.Reader.QueryAsync(News(new AnyOf([new Compare("rank", FilterOperator.LessThan, 2), new AllOf([new Compare(CommonField.Title, FilterOperator.StartsWith, "Hafen"), new Not(new RelatedTo("tags", ["tag-umwelt"]))])]), new SortKey(CommonField.Title)));
        var notIn = await db.Reader.QueryAsync(News(new Compare("rank", FilterOperator.NotIn, new object[] { 1.0, 8.0 }), new SortKey("rank")));

        Assert.Equal([8.0, 5.0, 3.0], ranked.Items.Select(v => v.Fields["rank"]!.GetValue<double>()));
        Assert.Equal(["HafenSport Rostock", "Ohne Schlagwort"], combined.Items.Select(v => v.Title));
        Assert.Equal(["Gemeinschaftsgarten", "Bewässerung in Dierkow"], notIn.Items.Select(v => v.Title));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Filter_values_that_look_like_SQL_are_only_ever_values(string provider)
    {
        await using var db = await SeedAsync(databases, provider);

        var page = await db.Reader.QueryAsync(News(new Compare(CommonField.Title, FilterOperator.Equal, "x' OR '1'='1")));
        var contains = await db.Reader.QueryAsync(News(new Compare(CommonField.Title, FilterOperator.Contains, "%")));

        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, contains.TotalCount);
        Assert.Equal(4, (await db.Reader.QueryAsync(News())).TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Drafts_and_deleted_items_stay_out_of_published_lists(string provider)
    {
        await using var db = await SeedAsync(databases, provider);
        var draft = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Entwurf", Fields = new JsonObject { ["teaser"] = "x" } }));
        var victim = (await db.Reader.QueryAsync(News())).Items[0];
        await db.Content.RunAsync(Actor.System, e => e.DeleteAsync(victim.ItemId));

        var published = await db.Reader.QueryAsync(News());
        var drafts = await db.Reader.QueryAsync(News() with { Status = VersionStatus.Draft });
        var deleted = await db.Reader.QueryAsync(News() with { Status = VersionStatus.Latest, Deleted = true });

        Assert.Equal(3, published.TotalCount);
        Assert.DoesNotContain(published.Items, v => v.ItemId == draft.ItemId || v.ItemId == victim.ItemId);
        Assert.Equal([draft.ItemId], drafts.Items.Select(v => v.ItemId));
        Assert.Equal([victim.ItemId], deleted.Items.Select(v => v.ItemId));
    }
}
