using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Security;
using Smile.Content.Storage;
using Smile.Content.Validation;

namespace Smile.Content.Editing;

/// <summary>
/// Changes content types that may already hold data. Added fields appear on the next save; removed
/// fields stay in old versions and are dropped from new ones; renamed fields carry their data along;
/// fields that become filterable or sortable are back-filled into the index. Each change bumps the
/// schema version and is announced in the outbox.
/// </summary>
public sealed class ContentTypeEditor(IContentSession session, TimeProvider clock, Actor actor)
{
    /// <summary>Creates or replaces a type. Returns the new schema version, or null when nothing changed.</summary>
    public async Task<long?> SaveTypeAsync(ContentTypeDefinition type, CancellationToken cancellationToken = default)
    {
        RequirePermission();
        var errors = ContentTypeRules.Check(type);
        if (errors.Count > 0)
        {
            throw new ContentValidationException([.. errors.Select(e => e with { Path = $"contentTypes.{type.Name}.{e.Path}" })]);
        }

        var existing = await session.FindTypeAsync(type.Name, cancellationToken);
        if (existing is not null && Same(existing, type))
        {
            return null;
        }

        var needsReindex = false;
        if (existing is not null)
        {
            foreach (var field in type.AllFields)
            {
                if (existing.FindField(field.Name) is not { } old)
                {
                    continue;
                }

                if (old.Kind != field.Kind)
                {
                    throw new ContentValidationException($"contentTypes.{type.Name}.fields.{field.Name}", $"Die Art des Feldes '{field.Name}' kann nicht von {old.Kind} zu {field.Kind} geändert werden, solange es Daten hat. Legen Sie ein neues Feld an.");
                }

                needsReindex |= old.Settings.Indexed != field.Settings.Indexed;
            }
        }

        session.SaveType(type);
        if (needsReindex)
        {
            await ReindexAsync(type, rename: null, cancellationToken);
        }

        return await AnnounceAsync(type.Name, existing is null ? "type-created" : "type-changed", cancellationToken);
    }

    /// <summary>Renames a field; every stored version of the type carries its value over to the new name.</summary>
    public async Task<long> RenameFieldAsync(string typeName, string from, string to, CancellationToken cancellationToken = default)
    {
        RequirePermission();
        var type = await session.FindTypeAsync(typeName, cancellationToken)
            ?? throw new ContentValidationException("contentType", $"Den Inhaltstyp '{typeName}' gibt es nicht.");
        var field = type.Fields.FirstOrDefault(f => f.Name == from)
            ?? throw new ContentValidationException($"fields.{from}", $"Der Typ {typeName} hat kein Feld '{from}'.");
        var renamed = type with { Fields = [.. type.Fields.Select(f => f.Name == from ? field with { Name = to } : f)] };
        var errors = ContentTypeRules.Check(renamed);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        session.SaveType(renamed);
        await ReindexAsync(renamed, (from, to), cancellationToken);
        return await AnnounceAsync(typeName, $"field-renamed:{from}->{to}", cancellationToken);
    }

    private async Task ReindexAsync(ContentTypeDefinition type, (string From, string To)? rename, CancellationToken cancellationToken)
    {
        await foreach (var version in session.VersionsOfTypeAsync(type.Name, cancellationToken))
        {
            var fields = version.Fields.DeepClone().AsObject();
            if (rename is var (from, to) && fields.Remove(from, out var value))
            {
                fields[to] = value;
            }

            var (index, relations) = VersionBuilder.Project(type, fields);
            await session.ReplaceFieldsAsync(version, fields, index, relations, cancellationToken);
        }
    }

    private async Task<long> AnnounceAsync(string typeName, string action, CancellationToken cancellationToken)
    {
        var schemaVersion = await session.BumpSchemaVersionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        session.Append(new ContentEvent { Kind = ContentEventKind.ContentTypeChanged, Public = true, ContentType = typeName, SchemaVersion = schemaVersion, ActorId = actor.Id, OccurredAt = now });
        session.Append(new AuditEntry { At = now, ActorId = actor.Id, Action = action, ContentType = typeName, Note = $"Schemaversion {schemaVersion}" });
        return schemaVersion;
    }

    private void RequirePermission()
    {
        if (!actor.Has(Permission.ManageContentTypes))
        {
            throw new PermissionDeniedException("Ihnen fehlt die Berechtigung, Inhaltstypen zu ändern.");
        }
    }

    private static bool Same(ContentTypeDefinition a, ContentTypeDefinition b) =>
        ContentTypeJson.Serialize(a) == ContentTypeJson.Serialize(b);
}
