using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Smile.Content.Security;
using Smile.Content.Validation;

namespace Smile.Storage.ApiKeys;

/// <summary>API keys for machines (ingestion, build servers): scoped to permissions, stored hashed, revocable.</summary>
public sealed class ApiKeyService(IDbContextFactory<SmileDbContext> contexts, TimeProvider clock)
{
    private const string Prefix = "smile_";

    public sealed record CreatedKey(string Id, string Secret);

    public sealed record KeyInfo(string Id, string Name, IReadOnlySet<Permission> Permissions, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt);

    /// <summary>Creates a key. The secret is returned once and never stored.</summary>
    public async Task<CreatedKey> CreateAsync(string name, IReadOnlySet<Permission> permissions, string createdBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ContentValidationException("name", "Der Name des API-Schlüssels fehlt oder ist länger als 100 Zeichen.");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Prefix + id + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(new ApiKeyRow
        {
            Id = id,
            Name = name.Trim(),
            SecretHash = Hash(secret),
            Permissions = string.Join(',', permissions.Order()),
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedKey(id, secret);
    }

    /// <summary>The actor a presented secret stands for, or null when it is unknown or revoked.</summary>
    public async Task<Actor?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = Hash(presented);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            key.LastUsedAt = now; // coarse, so a busy key does not write on every request
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Actor("apikey:" + key.Id, ParsePermissions(key.Permissions));
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<KeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(k => new KeyInfo(k.Id, k.Name, ParsePermissions(k.Permissions), k.CreatedAt, k.RevokedAt, k.LastUsedAt))];
    }

    private static HashSet<Permission> ParsePermissions(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Enum.TryParse<Permission>(p, out var permission) ? permission : (Permission?)null)
            .OfType<Permission>()
            .ToHashSet();

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
