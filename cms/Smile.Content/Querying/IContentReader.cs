using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Items;

namespace Smile.Content.Querying;

/// <summary>The read side of storage: no transaction, no tracking.</summary>
public interface IContentReader
{
    Task<ContentItem?> GetItemAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The version of an item that <paramref name="status"/> asks for (Published or Latest).</summary>
    Task<ContentVersion?> GetVersionAsync(string id, VersionStatus status, CancellationToken cancellationToken = default);

    Task<ContentVersion?> GetVersionAsync(string id, int number, CancellationToken cancellationToken = default);

    /// <summary>One round trip for many items: the versions <paramref name="status"/> asks for, in no particular order.</summary>
    Task<IReadOnlyList<ContentVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, VersionStatus status, CancellationToken cancellationToken = default);

    /// <summary>The versions of every item in the given localization sets (translations of each other).</summary>
    Task<IReadOnlyList<ContentVersion>> GetLocalizationsAsync(IReadOnlyCollection<string> localizationSets, VersionStatus status, CancellationToken cancellationToken = default);

    /// <summary>Previous paths of many items at once, newest first.</summary>
    Task<ILookup<string, string>> PreviousPathsAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken = default);

    /// <summary>The outbox position and schema version in one read: what caches key on.</summary>
    Task<ContentState> StateAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContentVersion>> ListVersionsAsync(string id, CancellationToken cancellationToken = default);

    Task<ContentVersion?> GetByPathAsync(string culture, string path, VersionStatus status, CancellationToken cancellationToken = default);

    /// <summary>Paths an item had before, newest first (for redirects).</summary>
    Task<IReadOnlyList<string>> PreviousPathsAsync(string itemId, CancellationToken cancellationToken = default);

    Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync(CancellationToken cancellationToken = default);

    Task<long> SchemaVersionAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> AuditAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Outbox events after a position, oldest first; <paramref name="publicOnly"/> for the public change feed.</summary>
    Task<IReadOnlyList<ContentEvent>> EventsAfterAsync(long sequence, int take, bool publicOnly = false, CancellationToken cancellationToken = default);
}
