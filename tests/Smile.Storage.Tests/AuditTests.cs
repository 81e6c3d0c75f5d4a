using System.Text.Json.Nodes;
using Smile.Content.Auditing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class AuditTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_audit_trail_records_who_did_what_with_the_changed_fields(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var editor = new Actor("u-42", Roles.Defaults[Roles.Editor]);
        var v1 = await db.Content.RunAsync(editor, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Digitaltag", Fields = new JsonObject { ["teaser"] = "Alt" } }));
        await db.Content.RunAsync(editor, e => e.SaveDraftAsync(v1.ItemId, 1, new ContentInput { Title = "Digitaltag", Fields = new JsonObject { ["teaser"] = "Neu", ["rank"] = 2 } }));
        await db.Content.RunAsync(editor, e => e.PublishAsync(v1.ItemId));

        var entries = await db.Reader.AuditAsync(new AuditQuery(ItemId: v1.ItemId));

        Assert.Equal(["published", "saved", "created"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("u-42", e.ActorId));
        Assert.Equal(["rank", "teaser"], entries[1].ChangedFields);
        Assert.Equal(2, entries[1].Version);
        Assert.Contains("title", entries[2].ChangedFields);
        Assert.Equal(3, (await db.Reader.AuditAsync(new AuditQuery(ActorId: "u-42"))).Count);
    }
}
