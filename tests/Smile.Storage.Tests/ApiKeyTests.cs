using Microsoft.EntityFrameworkCore;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class ApiKeyTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task An_api_key_is_stored_hashed_scoped_to_its_permissions_and_revocable(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var keys = db.Get<ApiKeyService>();

        var created = await keys.CreateAsync("Sensorik Dierkow", new HashSet<Permission> { Permission.EditOwnContent }, "u-admin");
        var actor = await keys.AuthenticateAsync(created.Secret);

        Assert.NotNull(actor);
        Assert.Equal("apikey:" + created.Id, actor.Id);
        Assert.True(actor.Has(Permission.EditOwnContent));
        Assert.False(actor.Has(Permission.PublishAllContent));
        await using (var context = await db.Get<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync())
        {
            var stored = await context.ApiKeys.SingleAsync();
            Assert.DoesNotContain(created.Secret, stored.SecretHash, StringComparison.Ordinal);
            Assert.Equal(64, stored.SecretHash.Length);
        }

        Assert.Null(await keys.AuthenticateAsync(created.Secret + "x"));
        Assert.True(await keys.RevokeAsync(created.Id));
        Assert.Null(await keys.AuthenticateAsync(created.Secret));
    }
}
