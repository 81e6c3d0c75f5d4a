using System.Collections;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Querying;

/// <summary>Turns the <c>where</c> and <c>orderBy</c> arguments into the content core's query model.</summary>
internal sealed class FilterTranslation(ContentTypeDefinition type, IContentReader reader)
{
    private static readonly (string Suffix, FilterOperator Operator)[] Suffixes =
    [
        ("_not_in", FilterOperator.NotIn), ("_in", FilterOperator.In), ("_not", FilterOperator.NotEqual),
        ("_contains", FilterOperator.Contains), ("_starts_with", FilterOperator.StartsWith),
        ("_gte", FilterOperator.GreaterThanOrEqual), ("_gt", FilterOperator.GreaterThan),
        ("_lte", FilterOperator.LessThanOrEqual), ("_lt", FilterOperator.LessThan),
    ];

    public async Task<Filter?> WhereAsync(IDictionary<string, object?>? where, CancellationToken cancellationToken)
    {
        if (where is null || where.Count == 0)
        {
            return null;
        }

        var parts = new List<Filter>();
        foreach (var (key, value) in where)
        {
            switch (key)
            {
                case "AND":
                    parts.Add(new AllOf(await ListAsync(value, cancellationToken)));
                    break;
                case "OR":
                    parts.Add(new AnyOf(await ListAsync(value, cancellationToken)));
                    break;
                case "NOT":
                    parts.Add(new Not(await WhereAsync(value as IDictionary<string, object?>, cancellationToken) ?? new AllOf([])));
                    break;
                default:
                    parts.Add(await ConditionAsync(key, value, cancellationToken));
                    break;
            }
        }

        return parts.Count == 1 ? parts[0] : new AllOf(parts);
    }

    public static IReadOnlyList<SortKey> OrderBy(IEnumerable<object?>? orderBy)
    {
        var keys = new List<SortKey>();
        foreach (var entry in orderBy ?? [])
        {
            if (entry is not IDictionary<string, object?> { Count: 1 } single)
            {
                throw ApiErrors.BadInput("Each orderBy entry names exactly one field, e.g. { publishedAt: DESC }.");
            }

            var (field, descending) = single.First();
            keys.Add(new SortKey(field, descending is true));
        }

        return keys.Count > 0 ? keys : [new SortKey(CommonField.PublishedAt, Descending: true)];
    }

    private async Task<List<Filter>> ListAsync(object? value, CancellationToken cancellationToken)
    {
        var filters = new List<Filter>();
        foreach (var entry in value as IEnumerable ?? Array.Empty<object>())
        {
            if (await WhereAsync(entry as IDictionary<string, object?>, cancellationToken) is { } filter)
            {
                filters.Add(filter);
            }
        }

        return filters;
    }

    private async Task<Filter> ConditionAsync(string key, object? value, CancellationToken cancellationToken)
    {
        if (type.FindField(key) is { Kind: FieldKind.ContentPicker or FieldKind.Taxonomy } relation)
        {
            return await RelationAsync(relation, value as IDictionary<string, object?>, cancellationToken);
        }

        var (field, op) = Split(key);
        return new Compare(field, op, Convert(value));
    }

    private async Task<Filter> RelationAsync(FieldDefinition field, IDictionary<string, object?>? condition, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (condition?.TryGetValue("id_in", out var idList) == true && idList is IEnumerable idValues)
        {
            ids.AddRange(idValues.Cast<object>().Select(v => v.ToString()!));
        }

        if (condition?.TryGetValue("slug_in", out var slugList) == true && slugList is IEnumerable slugValues)
        {
            var slugs = slugValues.Cast<object>().Select(v => (object?)v.ToString()).ToList();
            var allowed = ((ContentPickerFieldHandler)FieldHandlers.For(field.Kind)).AllowedTypes(field.Settings);
            var targets = await reader.QueryAsync(new ContentQuery
            {
                ContentType = allowed.Count == 1 ? allowed[0] : null,
                Culture = null,
                Status = VersionStatus.Published,
                Where = new Compare(CommonField.Slug, FilterOperator.In, slugs),
                Take = 1000,
            }, cancellationToken);
            ids.AddRange(targets.Items.Select(v => v.ItemId));
        }

        return new RelatedTo(field.Name, ids);
    }

    private static (string Field, FilterOperator Operator) Split(string key)
    {
        foreach (var (suffix, op) in Suffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (key[..^suffix.Length], op);
            }
        }

        return (key, FilterOperator.Equal);
    }

    /// <summary>Argument values as the index stores them: text, double, UTC DateTime or bool.</summary>
    private static object? Convert(object? value) => value switch
    {
        null => null,
        string or bool or double => value,
        int i => (double)i,
        long l => (double)l,
        decimal d => (double)d,
        DateTime t => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc),
        DateTimeOffset o => o.UtcDateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        IEnumerable list => list.Cast<object?>().Select(Convert).ToList(),
        _ => value.ToString(),
    };
}
