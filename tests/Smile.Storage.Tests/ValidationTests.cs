using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class ValidationTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_problem_of_an_input_is_reported_at_once_by_field(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var input = new ContentInput
        {
            Title = "",
            Fields = new JsonObject
            {
                ["rank"] = 11,
                ["heroImage"] = new JsonObject { ["mediaId"] = "m1" },
                ["tags"] = new JsonArray("tag-gibt-es-nicht"),
                ["color"] = "blau",
            },
        };

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", input)));

        Assert.Equal(["color", "heroImage", "rank", "tags", "teaser", "title"], error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "heroImage" && e.Message.Contains("Alternativtext", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "tags" && e.Message.Contains("tag-gibt-es-nicht", StringComparison.Ordinal));
        Assert.Equal(0, (await db.Reader.QueryAsync(new() { ContentType = "NewsArticle", Status = VersionStatus.All })).TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_picker_refuses_items_of_the_wrong_type(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var news = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "A", Fields = new JsonObject { ["teaser"] = "x" } }));

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => db.Content.RunAsync(Actor.System, e =>
            e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "B", Fields = new JsonObject { ["teaser"] = "x", ["tags"] = new JsonArray(news.ItemId) } })));

        Assert.Contains("Tag", error.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_decorative_image_needs_no_alt_text(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);

        var version = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput
        {
            Title = "Mit Bild",
            Fields = new JsonObject { ["teaser"] = "x", ["heroImage"] = new JsonObject { ["mediaId"] = "m1", ["decorative"] = true } },
        }));

        Assert.True(version.Fields["heroImage"]!["decorative"]!.GetValue<bool>());
    }
}
