using Microsoft.EntityFrameworkCore;
using Smile.Content.Fields;
using Smile.Content.Media;

namespace Smile.Storage.Media;

/// <summary>Reads of the media metadata: single assets, batches (for the API) and who may see an asset.</summary>
public sealed class MediaCatalog(IDbContextFactory<SmileDbContext> contexts) : IMediaMetadata
{
    public async Task<MediaAssetRow?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>One query for any number of ids; unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<string, MediaAssetRow>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, MediaAssetRow>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MediaAssets.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, MediaFacts>> DescribeAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var rows = await FindManyAsync(ids, cancellationToken);
        return rows.Values.ToDictionary(r => r.Id, r => new MediaFacts(r.ContentType, Path.GetExtension(r.FileName).TrimStart('.').ToLowerInvariant(), r.Width, r.Height), StringComparer.Ordinal);
    }

    /// <summary>
    /// Public means: some published version refers to the asset from a media field. Drafts, unpublished and
    /// unreferenced assets stay private, so a draft's images cannot be found by guessing.
    /// </summary>
    public async Task<bool> IsPublicAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Relations.AsNoTracking()
            .AnyAsync(r => r.TargetId == id && r.Kind == RelationKind.Media && r.Version!.Published, cancellationToken);
    }

    /// <summary>The media any version of <paramref name="itemId"/> refers to.</summary>
    public async Task<IReadOnlyList<string>> UsedByItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Relations.AsNoTracking()
            .Where(r => r.Kind == RelationKind.Media && r.Version!.ItemId == itemId)
            .Select(r => r.TargetId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Whether any version of any item still refers to the medium.</summary>
    public async Task<bool> IsUsedAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Relations.AsNoTracking().AnyAsync(r => r.TargetId == id && r.Kind == RelationKind.Media, cancellationToken);
    }

    /// <summary>Newest first, for the editors' media picker.</summary>
    public async Task<IReadOnlyList<MediaAssetRow>> ListAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaAssets.AsNoTracking().OrderByDescending(m => m.UploadedAt).ThenBy(m => m.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
    }
}
