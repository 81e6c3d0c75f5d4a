using System.Text.Json.Nodes;
using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Fields;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Content.Storage;

/// <summary>
/// One transaction against storage. Entities returned are tracked: changes to them are written on
/// <see cref="CommitAsync"/>, together with new versions, routes, outbox events and audit entries.
/// Disposing without committing rolls everything back.
/// </summary>
public interface IContentSession : IAsyncDisposable
{
    Task<ContentItem?> FindItemAsync(string id, CancellationToken cancellationToken = default);

    Task<ContentVersion?> FindVersionAsync(string itemId, int number, CancellationToken cancellationToken = default);

    /// <summary>The content types of those ids that exist and are not deleted.</summary>
    Task<IReadOnlyDictionary<string, string>> FindContentTypesAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken = default);

    void AddItem(ContentItem item);

    void AddVersion(ContentVersion version, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations);

    /// <summary>Rewrites a stored version's fields and indexes (content type changes: renames, back-fills).</summary>
    Task ReplaceFieldsAsync(ContentVersion version, JsonObject fields, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations, CancellationToken cancellationToken = default);

    /// <summary>Every version of a type, oldest first.</summary>
    IAsyncEnumerable<ContentVersion> VersionsOfTypeAsync(string contentType, CancellationToken cancellationToken = default);

    /// <summary>Removes versions of an item that are neither latest nor published (types that keep no history).</summary>
    Task RemoveSupersededVersionsAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Removes an item for good: its versions, indexes, routes. Audit entries stay.</summary>
    Task PurgeItemAsync(string itemId, CancellationToken cancellationToken = default);

    Task<RouteEntry?> FindRouteAsync(string culture, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves <paramref name="path"/> for the item; <paramref name="released"/>, its previous draft path,
    /// is given up unless it was ever public.
    /// </summary>
    Task ReserveRouteAsync(string itemId, string culture, string path, string? released, CancellationToken cancellationToken = default);

    /// <summary>Records that the item went live at <paramref name="path"/>: from now on the path stays with it.</summary>
    Task MarkRoutePublicAsync(string itemId, string culture, string path, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> DueForPublishingAsync(DateTime now, CancellationToken cancellationToken = default);

    Task<ContentTypeDefinition?> FindTypeAsync(string name, CancellationToken cancellationToken = default);

    void SaveType(ContentTypeDefinition type);

    /// <summary>Increments the schema version inside this transaction and returns the new value.</summary>
    Task<long> BumpSchemaVersionAsync(CancellationToken cancellationToken = default);

    Task UpsertRoleAsync(string name, IReadOnlySet<Permission> permissions, CancellationToken cancellationToken = default);

    void Append(ContentEvent contentEvent);

    void Append(AuditEntry entry);

    /// <summary>Writes everything, numbering the outbox events gaplessly in commit order.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
