using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class PermissionTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static Actor As(string id, string role) => new(id, Roles.Defaults[role]);

    private static ContentInput News(string title) => new() { Title = title, Fields = new JsonObject { ["teaser"] = "Kurz." } };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_contributor_submits_drafts_but_cannot_publish(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var contributor = As("u-contributor", Roles.Contributor);
        var draft = await db.Content.RunAsync(contributor, e => e.CreateAsync("NewsArticle", "de", News("Vorschlag")));

        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunAsync(contributor, e => e.PublishAsync(draft.ItemId)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunAsync(contributor, e => e.DeleteAsync(draft.ItemId)));
        Assert.Null(await db.Reader.GetVersionAsync(draft.ItemId, VersionStatus.Published));
        Assert.Equal("u-contributor", (await db.Reader.GetItemAsync(draft.ItemId))!.OwnerId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_author_publishes_own_items_but_not_those_of_others(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var author = As("u-author", Roles.Author);
        var otherAuthor = As("u-other", Roles.Author);
        var own = await db.Content.RunAsync(author, e => e.CreateAsync("NewsArticle", "de", News("Meins")));
        var foreign = await db.Content.RunAsync(otherAuthor, e => e.CreateAsync("NewsArticle", "de", News("Fremd")));

        await db.Content.RunAsync(author, e => e.PublishAsync(own.ItemId));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunAsync(author, e => e.PublishAsync(foreign.ItemId)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunAsync(author, e => e.SaveDraftAsync(foreign.ItemId, 1, News("Übernommen"))));

        Assert.NotNull(await db.Reader.GetVersionAsync(own.ItemId, VersionStatus.Published));
        Assert.Null(await db.Reader.GetVersionAsync(foreign.ItemId, VersionStatus.Published));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_editor_edits_and_publishes_everyone_s_items_but_cannot_purge_or_change_types(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var editor = As("u-editor", Roles.Editor);
        var item = await db.Content.RunAsync(As("u-author", Roles.Author), e => e.CreateAsync("NewsArticle", "de", News("Vom Autor")));

        await db.Content.RunAsync(editor, e => e.SaveDraftAsync(item.ItemId, 1, News("Redigiert")));
        await db.Content.RunAsync(editor, e => e.PublishAsync(item.ItemId));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunAsync(editor, e => e.PurgeAsync(item.ItemId)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunTypesAsync(editor, t => t.SaveTypeAsync(TestTypes.Tag with { DisplayName = "Anders" })));

        Assert.Equal("Redigiert", (await db.Reader.GetVersionAsync(item.ItemId, VersionStatus.Published))!.Title);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_callers_cannot_change_anything(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => db.Content.RunAsync(Actor.Anonymous, e => e.CreateAsync("NewsArticle", "de", News("Spam"))));

        Assert.Equal(0, (await db.Reader.QueryAsync(new() { ContentType = "NewsArticle", Status = VersionStatus.All })).TotalCount);
    }
}
