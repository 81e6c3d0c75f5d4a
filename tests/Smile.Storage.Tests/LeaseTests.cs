using Smile.Storage.Leases;
using Smile.Storage.Postgres;
using Smile.Storage.Sqlite;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class LeaseTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_one_node_holds_a_lease_until_it_lets_go(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        // Two nodes: two providers over the same database (or data folder), as two processes would have.
        ILeaseProvider NewNode() => provider == TestDatabases.Sqlite
            ? new FileLeaseProvider(Path.Combine(db.DataPath, "leases"))
            : new AdvisoryLockLeaseProvider(db.ConnectionString);
        var first = NewNode();
        var second = NewNode();

        var held = await first.TryAcquireAsync("scheduled-publishing");
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync("scheduled-publishing"));
        var other = await second.TryAcquireAsync("feed-polling");
        Assert.NotNull(other);

        await held.DisposeAsync();
        var taken = await second.TryAcquireAsync("scheduled-publishing");
        Assert.NotNull(taken);
        await taken.DisposeAsync();
        await other.DisposeAsync();
    }
}
