using System.Text.Json.Nodes;
using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Rendering;
using Smile.Content.Security;
using Smile.Content.Storage;
using Smile.Content.Validation;

namespace Smile.Content.Editing;

/// <summary>
/// The operations on items, inside one session. Every operation checks the actor's permissions,
/// writes its outbox event and audit entry into the same session, and leaves committing to the caller.
/// </summary>
public sealed class ContentEditor(IContentSession session, MarkupRenderer renderer, TimeProvider clock, Actor actor)
{
    private readonly VersionBuilder _builder = new(session, renderer);
    private readonly Dictionary<string, ContentTypeDefinition> _types = new(StringComparer.Ordinal);

    public Actor Actor => actor;

    /// <summary>
    /// Items that will exist by the end of this session (a recipe's items referencing each other):
    /// references to them are accepted before they are created. Id → content type.
    /// </summary>
    public IReadOnlyDictionary<string, string> PendingItems
    {
        get => _builder.PendingItems;
        set => _builder.PendingItems = value;
    }

    /// <summary>
    /// Creates the item, or saves a new version when its content differs from the latest one, and
    /// publishes when asked. Importing the same input twice changes nothing the second time.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(string id, string contentType, string culture, ContentInput input, bool publish, DateTime? firstPublishedAt = null, CancellationToken cancellationToken = default)
    {
        var item = await session.FindItemAsync(id, cancellationToken);
        var outcome = ImportOutcome.Unchanged;
        if (item is null)
        {
            await CreateAsync(contentType, culture, input, id, cancellationToken: cancellationToken);
            outcome = ImportOutcome.Created;
        }
        else
        {
            if (item.ContentType != contentType || item.Culture != culture)
            {
                throw new ContentValidationException("id", $"'{id}' ist schon ein Inhalt vom Typ {item.ContentType} ({item.Culture}), nicht {contentType} ({culture}).");
            }

            var latest = await VersionAsync(item, item.LatestVersion, cancellationToken);
            var type = await TypeAsync(contentType, cancellationToken);
            var built = await _builder.BuildAsync(type, id, culture, input, latest.Slug, strict: true, cancellationToken);
            if (built.Title != latest.Title || built.Slug != latest.Slug || !JsonNode.DeepEquals(built.Fields, latest.Fields))
            {
                await SaveDraftAsync(id, item.LatestVersion, input, cancellationToken);
                outcome = ImportOutcome.Updated;
            }
        }

        item ??= await ItemAsync(id, cancellationToken);
        if (!publish && firstPublishedAt is not null && item.FirstPublishedAt is null)
        {
            // An item that was public once and is offline now keeps the date it first went live.
            item.FirstPublishedAt = firstPublishedAt;
            outcome = outcome == ImportOutcome.Unchanged ? ImportOutcome.Updated : outcome;
        }

        if (publish && item.PublishedVersion != item.LatestVersion)
        {
            await PublishAsync(id, firstPublishedAt: firstPublishedAt, cancellationToken: cancellationToken);
            outcome = outcome == ImportOutcome.Unchanged ? ImportOutcome.Updated : outcome;
        }

        return outcome;
    }

    public async Task<ContentVersion> CreateAsync(string contentType, string culture, ContentInput input, string? id = null, string? localizationSet = null, CancellationToken cancellationToken = default)
    {
        Require(actor.Has(Permission.EditOwnContent) || actor.Has(Permission.EditAllContent), "Inhalte anlegen");
        var type = await TypeAsync(contentType, cancellationToken);
        if (!type.Settings.Creatable && actor != Actor.System)
        {
            throw new ContentValidationException("contentType", $"Inhalte vom Typ {type.Name} werden nicht von Hand angelegt.");
        }

        CheckCulture(culture);
        if (id is null)
        {
            id = ItemIds.New(); // time-ordered and random: no need to ask storage whether it is taken
        }
        else if (!ItemIds.IsValid(id))
        {
            throw new ContentValidationException("id", $"'{id}' ist keine gültige ID: erlaubt sind a–z, 0–9 und Bindestriche, höchstens 64 Zeichen.");
        }
        else if (await session.FindItemAsync(id, cancellationToken) is not null)
        {
            throw new ContentValidationException("id", $"Einen Inhalt mit der ID '{id}' gibt es schon.");
        }

        var built = await _builder.BuildAsync(type, id, culture, input, previousSlug: null, strict: true, cancellationToken);
        var now = Now();
        var item = new ContentItem
        {
            Id = id,
            ContentType = type.Name,
            Culture = culture,
            LocalizationSet = localizationSet ?? id,
            OwnerId = actor.Id,
            CreatedAt = now,
            LatestVersion = 1,
            Path = built.Path,
        };
        session.AddItem(item);
        var version = AddVersion(item, built, now);
        if (built.Path is not null)
        {
            await session.ReserveRouteAsync(id, culture, built.Path, released: null, cancellationToken);
        }

        Record(ContentEventKind.Created, "created", item, version, ChangedFields(null, version));
        return version;
    }

    public async Task<ContentVersion> SaveDraftAsync(string itemId, int basedOnVersion, ContentInput input, CancellationToken cancellationToken = default)
    {
        var item = await EditableItemAsync(itemId, cancellationToken);
        if (basedOnVersion != item.LatestVersion)
        {
            throw new ConcurrencyConflictException(itemId, basedOnVersion, item.LatestVersion);
        }

        return await SaveAsync(item, input, strict: true, "saved", cancellationToken);
    }

    /// <summary>
    /// Publishes the latest version (or the given one) and takes the previously published one offline.
    /// An item keeps the date it was first published: corrections do not push old news to the top.
    /// Imports may give that date (<paramref name="firstPublishedAt"/>) for items published elsewhere before.
    /// </summary>
    public async Task<ContentVersion> PublishAsync(string itemId, int? versionNumber = null, DateTime? firstPublishedAt = null, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.PublishOwnContent, Permission.PublishAllContent, item.OwnerId), "diesen Inhalt veröffentlichen");
        NotDeleted(item);
        var number = versionNumber ?? item.LatestVersion;
        var version = await VersionAsync(item, number, cancellationToken);
        if (item.PublishedVersion == number)
        {
            return version;
        }

        ContentVersion? previous = null;
        if (item.PublishedVersion is { } publishedNumber)
        {
            previous = await VersionAsync(item, publishedNumber, cancellationToken);
            previous.Published = false;
        }

        version.Published = true;
        item.PublishedVersion = number;
        item.FirstPublishedAt ??= firstPublishedAt ?? Now();
        version.PublishedAt = item.FirstPublishedAt;
        item.ScheduledPublishAt = null;
        if (version.Path is not null)
        {
            await session.MarkRoutePublicAsync(item.Id, item.Culture, version.Path, cancellationToken);
        }

        Record(ContentEventKind.Published, "published", item, version, []);
        if (previous?.Path is { } oldPath && version.Path is { } newPath && oldPath != newPath)
        {
            session.Append(Event(ContentEventKind.SlugChanged, item, version, previousPath: oldPath, isPublic: true));
        }

        return version;
    }

    public async Task UnpublishAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.PublishOwnContent, Permission.PublishAllContent, item.OwnerId), "diesen Inhalt zurückziehen");
        if (item.PublishedVersion is not { } number)
        {
            return;
        }

        var version = await VersionAsync(item, number, cancellationToken);
        version.Published = false;
        item.PublishedVersion = null;
        Record(ContentEventKind.Unpublished, "unpublished", item, version, []);
    }

    /// <summary>Publishes the latest version at <paramref name="at"/> (UTC). The scheduler catches up on missed times after a restart.</summary>
    public async Task ScheduleAsync(string itemId, DateTime at, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.PublishOwnContent, Permission.PublishAllContent, item.OwnerId), "die Veröffentlichung planen");
        NotDeleted(item);
        var type = await TypeAsync(item.ContentType, cancellationToken);
        if (!type.Has(ContentPart.PublishLater))
        {
            throw new ContentValidationException("scheduledPublishAt", $"Inhalte vom Typ {type.Name} können nicht geplant veröffentlicht werden.");
        }

        at = DateTime.SpecifyKind(at, DateTimeKind.Utc);
        if (at <= Now())
        {
            throw new ContentValidationException("scheduledPublishAt", "Der geplante Zeitpunkt liegt in der Vergangenheit.");
        }

        item.ScheduledPublishAt = at;
        session.Append(Audit("scheduled", item, item.LatestVersion, [], $"Veröffentlichung geplant für {at:O}"));
    }

    public async Task CancelScheduleAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.PublishOwnContent, Permission.PublishAllContent, item.OwnerId), "die geplante Veröffentlichung aufheben");
        if (item.ScheduledPublishAt is null)
        {
            return;
        }

        item.ScheduledPublishAt = null;
        session.Append(Audit("unscheduled", item, item.LatestVersion, [], null));
    }

    /// <summary>Publishes everything whose scheduled time has come, including times missed while no node was running.</summary>
    public async Task<IReadOnlyList<string>> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await session.DueForPublishingAsync(Now(), cancellationToken);
        foreach (var id in due)
        {
            await PublishAsync(id, cancellationToken: cancellationToken);
        }

        return due;
    }

    public async Task<ContentVersion> CloneAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        var source = await VersionAsync(item, item.LatestVersion, cancellationToken);
        var input = new ContentInput { Title = Truncate(source.Title + " (Kopie)", VersionBuilder.MaxTitleLength), Fields = (JsonObject)source.Fields.DeepClone() };
        return await CreateAsync(item.ContentType, item.Culture, input, cancellationToken: cancellationToken);
    }

    /// <summary>Creates the version of an item in another culture, linked to it, as a draft copy to translate.</summary>
    public async Task<ContentVersion> LocalizeAsync(string itemId, string culture, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        var type = await TypeAsync(item.ContentType, cancellationToken);
        if (!type.Settings.Localizable || !type.Has(ContentPart.Localization))
        {
            throw new ContentValidationException("culture", $"Inhalte vom Typ {type.Name} sind nicht übersetzbar.");
        }

        var source = await VersionAsync(item, item.LatestVersion, cancellationToken);
        var input = new ContentInput { Title = source.Title, Fields = (JsonObject)source.Fields.DeepClone() };
        return await CreateAsync(item.ContentType, culture, input, localizationSet: item.LocalizationSet, cancellationToken: cancellationToken);
    }

    public async Task DeleteAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.DeleteOwnContent, Permission.DeleteAllContent, item.OwnerId), "diesen Inhalt löschen");
        if (item.IsDeleted)
        {
            return;
        }

        var wasLive = item.PublishedVersion is not null;
        if (item.PublishedVersion is { } number)
        {
            (await VersionAsync(item, number, cancellationToken)).Published = false;
            item.PublishedVersion = null;
        }

        item.DeletedAt = Now();
        item.ScheduledPublishAt = null;
        Record(ContentEventKind.Deleted, "deleted", item, null, [], isPublic: wasLive);
    }

    /// <summary>Brings a deleted item back as an unpublished draft; an editor decides when it goes live again.</summary>
    public async Task RestoreAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.DeleteOwnContent, Permission.DeleteAllContent, item.OwnerId), "diesen Inhalt wiederherstellen");
        if (!item.IsDeleted)
        {
            return;
        }

        item.DeletedAt = null;
        Record(ContentEventKind.Restored, "restored", item, null, []);
    }

    /// <summary>Removes an item for good (GDPR erasure). The audit trail keeps that it happened.</summary>
    public async Task PurgeAsync(string itemId, CancellationToken cancellationToken = default)
    {
        Require(actor.Has(Permission.DeleteAllContent) && actor.Has(Permission.ManageUsers), "Inhalte endgültig löschen");
        var item = await ItemAsync(itemId, cancellationToken);
        Record(ContentEventKind.Purged, "purged", item, null, [], isPublic: item.IsPublished);
        await session.PurgeItemAsync(itemId, cancellationToken);
    }

    /// <summary>Makes an older version's content the new latest draft. History is never rewritten.</summary>
    public async Task<ContentVersion> RestoreVersionAsync(string itemId, int number, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        var item = await EditableItemAsync(itemId, cancellationToken);
        if (basedOnVersion != item.LatestVersion)
        {
            throw new ConcurrencyConflictException(itemId, basedOnVersion, item.LatestVersion);
        }

        var old = await VersionAsync(item, number, cancellationToken);
        var input = new ContentInput { Title = old.Title, Slug = old.Slug, Fields = (JsonObject)old.Fields.DeepClone() };
        return await SaveAsync(item, input, strict: false, $"restored-version-{number}", cancellationToken);
    }

    private async Task<ContentVersion> SaveAsync(ContentItem item, ContentInput input, bool strict, string action, CancellationToken cancellationToken)
    {
        var type = await TypeAsync(item.ContentType, cancellationToken);
        var latest = await VersionAsync(item, item.LatestVersion, cancellationToken);
        var built = await _builder.BuildAsync(type, item.Id, item.Culture, input, latest.Slug, strict, cancellationToken);
        var now = Now();
        latest.Latest = false;
        item.LatestVersion++;
        var version = AddVersion(item, built, now);
        if (built.Path != item.Path && built.Path is not null)
        {
            // The draft's path is only reserved: readers keep the published path until this version goes live.
            await session.ReserveRouteAsync(item.Id, item.Culture, built.Path, released: item.Path, cancellationToken);
            item.Path = built.Path;
        }

        if (!type.Settings.Versionable)
        {
            await session.RemoveSupersededVersionsAsync(item.Id, cancellationToken);
        }

        Record(ContentEventKind.Saved, action, item, version, ChangedFields(latest, version));
        return version;
    }

    private ContentVersion AddVersion(ContentItem item, VersionBuilder.Result built, DateTime now)
    {
        var version = new ContentVersion
        {
            ItemId = item.Id,
            Number = item.LatestVersion,
            ContentType = item.ContentType,
            Culture = item.Culture,
            LocalizationSet = item.LocalizationSet,
            Title = built.Title,
            Slug = built.Slug,
            Path = built.Path,
            Fields = built.Fields,
            Latest = true,
            OwnerId = item.OwnerId,
            ModifiedBy = actor.Id,
            CreatedAt = item.CreatedAt,
            ModifiedAt = now,
        };
        session.AddVersion(version, built.Index, built.Relations);
        return version;
    }

    private async Task<ContentTypeDefinition> TypeAsync(string name, CancellationToken cancellationToken)
    {
        if (!_types.TryGetValue(name, out var type))
        {
            type = await session.FindTypeAsync(name, cancellationToken)
                ?? throw new ContentValidationException("contentType", $"Den Inhaltstyp '{name}' gibt es nicht.");
            _types[name] = type;
        }

        return type;
    }

    private async Task<ContentItem> ItemAsync(string itemId, CancellationToken cancellationToken) =>
        await session.FindItemAsync(itemId, cancellationToken) ?? throw new ContentNotFoundException($"Der Inhalt '{itemId}'");

    private async Task<ContentItem> EditableItemAsync(string itemId, CancellationToken cancellationToken)
    {
        var item = await ItemAsync(itemId, cancellationToken);
        Require(actor.May(Permission.EditOwnContent, Permission.EditAllContent, item.OwnerId), "diesen Inhalt bearbeiten");
        NotDeleted(item);
        return item;
    }

    private async Task<ContentVersion> VersionAsync(ContentItem item, int number, CancellationToken cancellationToken) =>
        await session.FindVersionAsync(item.Id, number, cancellationToken)
        ?? throw new ContentNotFoundException($"Version {number} von '{item.Id}'");

    private static void NotDeleted(ContentItem item)
    {
        if (item.IsDeleted)
        {
            throw new ContentValidationException("", $"Der Inhalt '{item.Id}' ist gelöscht; stellen Sie ihn zuerst wieder her.");
        }
    }

    private static void CheckCulture(string culture)
    {
        if (culture is not ("de" or "en" or "de-x-ls"))
        {
            throw new ContentValidationException("culture", $"Die Sprache '{culture}' wird nicht unterstützt (de, en, de-x-ls).");
        }
    }

    private static void Require(bool allowed, string what)
    {
        if (!allowed)
        {
            throw new PermissionDeniedException($"Ihnen fehlt die Berechtigung, {what}.");
        }
    }

    private void Record(ContentEventKind kind, string action, ContentItem item, ContentVersion? version, IReadOnlyList<string> changedFields, bool isPublic = false)
    {
        session.Append(Event(kind, item, version, isPublic: isPublic || kind is ContentEventKind.Published or ContentEventKind.Unpublished));
        session.Append(Audit(action, item, version?.Number, changedFields, null));
    }

    private ContentEvent Event(ContentEventKind kind, ContentItem item, ContentVersion? version, string? previousPath = null, bool isPublic = false) => new()
    {
        Kind = kind,
        Public = isPublic,
        ItemId = item.Id,
        ContentType = item.ContentType,
        Culture = item.Culture,
        Version = version?.Number,
        Path = version?.Path ?? item.Path,
        PreviousPath = previousPath,
        ActorId = actor.Id,
        OccurredAt = Now(),
    };

    private AuditEntry Audit(string action, ContentItem item, int? version, IReadOnlyList<string> changedFields, string? note) => new()
    {
        At = Now(),
        ActorId = actor.Id,
        Action = action,
        ItemId = item.Id,
        ContentType = item.ContentType,
        Version = version,
        ChangedFields = changedFields,
        Note = note,
    };

    private static List<string> ChangedFields(ContentVersion? before, ContentVersion after)
    {
        var changed = new List<string>();
        if (before?.Title != after.Title)
        {
            changed.Add("title");
        }

        if (before?.Slug != after.Slug)
        {
            changed.Add("slug");
        }

        var names = after.Fields.Select(p => p.Key).Union(before?.Fields.Select(p => p.Key) ?? []);
        changed.AddRange(names.Where(name => !JsonNode.DeepEquals(before?.Fields[name], after.Fields[name])).Order(StringComparer.Ordinal));
        return changed;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
