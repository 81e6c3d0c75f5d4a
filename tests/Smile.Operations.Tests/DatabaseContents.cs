using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Media.Stores;
using Smile.Storage;

namespace Smile.Operations.Tests;

/// <summary>
/// What an installation holds, read through EF Core and the media store (not through the backup's own code):
/// every row of the tables that matter as canonical JSON, and the SHA-256 of every media original.
/// </summary>
public sealed record DatabaseContents(IReadOnlyDictionary<string, IReadOnlyList<string>> Tables, IReadOnlyDictionary<string, string> MediaChecksums)
{
    /// <summary>PostgreSQL keeps microseconds, SQLite 100-nanosecond ticks: across providers times compare to the microsecond.</summary>
    public static async Task<DatabaseContents> ReadAsync(IServiceProvider services, bool toMicroseconds = false)
    {
        var options = new JsonSerializerOptions { ReferenceHandler = ReferenceHandler.IgnoreCycles };
        if (toMicroseconds)
        {
            options.Converters.Add(new MicrosecondTimes());
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync();
        async Task<IReadOnlyList<string>> Rows<T>(IQueryable<T> rows)
            where T : class =>
            [.. (await rows.AsNoTracking().ToListAsync()).Select(r => JsonSerializer.Serialize(r, options)).Order(StringComparer.Ordinal)];

        var tables = new Dictionary<string, IReadOnlyList<string>>
        {
            ["items"] = await Rows(db.Items),
            ["versions"] = await Rows(db.Versions),
            ["users"] = await Rows(db.Users),
            ["user roles"] = await Rows(db.UserRoles),
            ["roles"] = await Rows(db.Roles),
            ["role claims"] = await Rows(db.RoleClaims),
            ["audit"] = await Rows(db.Audit),
            ["events"] = await Rows(db.Events),
            ["counters"] = await Rows(db.Counters),
            // Not the outbox followers: their positions are the running nodes' own progress (the search indexer
            // stores its position as it catches up), so two readings of one unchanged database may differ.
            ["routes"] = await Rows(db.Routes),
            ["field index"] = await Rows(db.FieldIndex),
            ["relations"] = await Rows(db.Relations),
            ["content types"] = await Rows(db.ContentTypes),
            ["api keys"] = await Rows(db.ApiKeys),
            ["media"] = await Rows(db.MediaAssets),
            ["observations"] = await Rows(db.Observations),
            ["data protection keys"] = await Rows(db.DataProtectionKeys),
        };

        var store = services.GetRequiredService<IMediaStore>();
        var checksums = new Dictionary<string, string>();
        foreach (var id in await db.MediaAssets.Select(m => m.Id).ToListAsync())
        {
            await using var original = await store.OpenReadAsync(MediaKeys.Original(id), CancellationToken.None);
            checksums[id] = original is null ? "missing" : Convert.ToHexString(await SHA256.HashDataAsync(original.Content));
        }

        return new DatabaseContents(tables, checksums);
    }

    /// <summary>Asserts table by table, so a difference names its table.</summary>
    public void AssertSameAs(DatabaseContents expected)
    {
        foreach (var (table, rows) in expected.Tables)
        {
            Assert.True(rows.Count == Tables[table].Count, $"{table}: {rows.Count} rows expected, {Tables[table].Count} found");
            Assert.Equal(rows, Tables[table]);
        }

        Assert.Equal(expected.MediaChecksums.OrderBy(p => p.Key), MediaChecksums.OrderBy(p => p.Key));
    }

    private sealed class MicrosecondTimes : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(new DateTime(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc));
    }
}

/// <summary>Passwords are hashed with a fresh salt: equality of users means equality of the stored hash, not of a password.</summary>
internal static class UserChecks
{
    public static async Task<bool> PasswordWorksAsync(IServiceProvider services, string email, string password)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Smile.Storage.Identity.SmileUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }
}
