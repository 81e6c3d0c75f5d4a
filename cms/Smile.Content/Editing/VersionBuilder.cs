using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Items;
using Smile.Content.Rendering;
using Smile.Content.Routing;
using Smile.Content.Storage;
using Smile.Content.Validation;

namespace Smile.Content.Editing;

/// <summary>
/// Turns input into a version's stored state: validates and normalizes every field, renders markup,
/// checks references, and finds a free path. Reports every problem at once.
/// </summary>
internal sealed class VersionBuilder(IContentSession session, MarkupRenderer renderer)
{
    public const int MaxTitleLength = 200;

    public IReadOnlyDictionary<string, string> PendingItems { get; set; } = new Dictionary<string, string>();

    public sealed record Result(string Title, string? Slug, string? Path, JsonObject Fields, IReadOnlyList<FieldIndexEntry> Index, IReadOnlyList<RelationEntry> Relations);

    /// <param name="strict">Refuse fields the type does not define. Off when re-saving stored data after the type changed.</param>
    /// <param name="previousSlug">The slug of the item's latest version: kept unless the input names another.</param>
    public async Task<Result> BuildAsync(ContentTypeDefinition type, string itemId, string culture, ContentInput input, string? previousSlug, bool strict, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors.Add(new("title", "Der Titel fehlt."));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new("title", $"Der Titel ist {title.Length} Zeichen lang; erlaubt sind höchstens {MaxTitleLength}."));
        }

        if (strict)
        {
            foreach (var name in input.Fields.Select(p => p.Key).Where(name => type.FindField(name) is null))
            {
                errors.Add(new(name, $"Der Typ {type.Name} hat kein Feld '{name}'."));
            }
        }

        var fields = new JsonObject();
        var index = new List<FieldIndexEntry>();
        var relations = new List<RelationEntry>();
        foreach (var field in type.AllFields)
        {
            var handler = FieldHandlers.For(field.Kind);
            var raw = input.Fields[field.Name];
            var value = raw is null ? null : handler.Normalize(raw, new FieldContext(field, renderer, errors));
            if (value is null)
            {
                if (field.Settings.Required && !errors.Any(e => e.Path == field.Name))
                {
                    errors.Add(new(field.Name, $"„{field.DisplayName}“ ist ein Pflichtfeld."));
                }

                continue;
            }

            fields[field.Name] = value;
            if (field.Settings.Indexed)
            {
                index.AddRange(handler.Index(field.Name, value));
            }

            relations.AddRange(handler.Relations(field.Name, value));
        }

        await CheckReferencesAsync(type, relations, errors, cancellationToken);
        var (slug, path) = await RouteAsync(type, itemId, culture, input.Slug, previousSlug, title, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        return new Result(title, slug, path, fields, index, relations);
    }

    /// <summary>Index entries and relations of stored values, without re-validating them (back-fills, renames).</summary>
    public static (List<FieldIndexEntry> Index, List<RelationEntry> Relations) Project(ContentTypeDefinition type, JsonObject fields)
    {
        var index = new List<FieldIndexEntry>();
        var relations = new List<RelationEntry>();
        foreach (var field in type.AllFields)
        {
            if (fields[field.Name] is not { } value)
            {
                continue;
            }

            var handler = FieldHandlers.For(field.Kind);
            if (field.Settings.Indexed)
            {
                index.AddRange(handler.Index(field.Name, value));
            }

            relations.AddRange(handler.Relations(field.Name, value));
        }

        return (index, relations);
    }

    private async Task CheckReferencesAsync(ContentTypeDefinition type, List<RelationEntry> relations, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        var itemRelations = relations.Where(r => r.Kind == RelationKind.Item).ToList();
        if (itemRelations.Count == 0)
        {
            return;
        }

        var found = new Dictionary<string, string>(await session.FindContentTypesAsync([.. itemRelations.Select(r => r.TargetId).Distinct()], cancellationToken));
        foreach (var (id, pendingType) in PendingItems)
        {
            found.TryAdd(id, pendingType);
        }

        foreach (var relation in itemRelations)
        {
            var field = type.FindField(relation.Field)!;
            var allowed = ((ContentPickerFieldHandler)FieldHandlers.For(field.Kind)).AllowedTypes(field.Settings);
            if (!found.TryGetValue(relation.TargetId, out var targetType))
            {
                errors.Add(new(field.Name, $"Der verknüpfte Inhalt '{relation.TargetId}' existiert nicht."));
            }
            else if (allowed.Count > 0 && !allowed.Contains(targetType))
            {
                errors.Add(new(field.Name, $"Der verknüpfte Inhalt '{relation.TargetId}' ist vom Typ {targetType}; erlaubt ist {string.Join(", ", allowed)}."));
            }
        }
    }

    private async Task<(string? Slug, string? Path)> RouteAsync(ContentTypeDefinition type, string itemId, string culture, string? explicitSlug, string? previousSlug, string title, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (type.PathPatternFor(culture) is not { } pattern)
        {
            return (null, null);
        }

        explicitSlug = string.IsNullOrWhiteSpace(explicitSlug) ? null : explicitSlug.Trim();
        if (explicitSlug is not null && !Slugs.IsValid(explicitSlug))
        {
            errors.Add(new("slug", $"'{explicitSlug}' ist kein gültiger Kurzname: erlaubt sind a–z, 0–9 und Bindestriche, höchstens {Slugs.MaxLength} Zeichen."));
            return (null, null);
        }

        var wanted = explicitSlug ?? previousSlug ?? Slugs.FromTitle(title);
        for (var attempt = 1; ; attempt++)
        {
            var slug = attempt == 1 ? wanted : $"{wanted}-{attempt}";
            var path = Slugs.Path(pattern, slug);
            var route = await session.FindRouteAsync(culture, path, cancellationToken);
            if (route is null || route.ItemId == itemId)
            {
                return (slug, path);
            }

            if (explicitSlug is not null)
            {
                errors.Add(new("slug", $"Der Pfad {path} ist in der Sprache '{culture}' schon vergeben."));
                return (null, null);
            }
        }
    }
}
