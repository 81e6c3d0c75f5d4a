using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Searching;

namespace Smile.Admin.Forms;

/// <summary>An item an editor can pick: shown by title, sent by id.</summary>
public sealed record Choice(string Id, string Title, string Culture);

/// <summary>What the pickers of one form offer: titles of what is picked, all terms of each taxonomy, and search results.</summary>
public sealed class ChoiceSet
{
    public Dictionary<string, string> Titles { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<Choice>> Terms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<Choice>> Results { get; } = new(StringComparer.Ordinal);

    public string TitleOf(string id) => Titles.TryGetValue(id, out var title) ? title : id;
}

/// <summary>
/// Loads what pickers need. Searching happens on the server when the form is posted with the picker's search
/// button, so a picker works without JavaScript: the results come back as checkboxes in the same form.
/// </summary>
public sealed class FieldChoices(IContentReader reader, IServiceProvider services)
{
    public const int MaxResults = 10;
    public const int MaxTerms = 500;

    public async Task<ChoiceSet> LoadAsync(ContentTypeDefinition type, string culture, FormInputs inputs, CancellationToken cancellationToken)
    {
        var set = new ChoiceSet();
        var picked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in type.AllFields.Where(f => f.Kind is FieldKind.ContentPicker or FieldKind.Taxonomy))
        {
            picked.UnionWith(inputs.All(FormInputs.Name(field.Name)));
            if (field.Kind == FieldKind.Taxonomy && field.Settings.Taxonomy is { } taxonomy)
            {
                var terms = await reader.QueryAsync(new ContentQuery
                {
                    ContentType = taxonomy,
                    Culture = null,
                    Status = VersionStatus.Latest,
                    OrderBy = [new SortKey(CommonField.Title)],
                    Take = MaxTerms,
                    IncludeTotalCount = false,
                }, cancellationToken);
                set.Terms[field.Name] = [.. terms.Items.Select(v => new Choice(v.ItemId, v.Title, v.Culture))];
            }

            var query = inputs["q." + field.Name].Trim();
            if (query.Length > 0)
            {
                var allowed = ((ContentPickerFieldHandler)FieldHandlers.For(field.Kind)).AllowedTypes(field.Settings);
                set.Results[field.Name] = await SearchAsync(query, allowed, culture, cancellationToken);
            }
        }

        if (picked.Count > 0)
        {
            foreach (var version in await reader.GetVersionsAsync(picked, VersionStatus.Latest, cancellationToken))
            {
                set.Titles[version.ItemId] = version.Title;
            }
        }

        foreach (var choice in set.Terms.Values.Concat(set.Results.Values).SelectMany(c => c))
        {
            set.Titles.TryAdd(choice.Id, choice.Title);
        }

        return set;
    }

    private async Task<IReadOnlyList<Choice>> SearchAsync(string query, IReadOnlyList<string> allowed, string culture, CancellationToken cancellationToken)
    {
        if (services.GetService<IContentSearch>() is { } search)
        {
            var found = await search.SearchAsync(new SearchRequest { Query = query, Culture = culture, ContentTypes = [.. allowed], Scope = SearchScope.Latest, Take = MaxResults, ConsistentWith = (await reader.StateAsync(cancellationToken)).OutboxPosition }, cancellationToken);
            if (found.Hits.Count > 0)
            {
                var versions = (await reader.GetVersionsAsync([.. found.Hits.Select(h => h.ItemId)], VersionStatus.Latest, cancellationToken)).ToDictionary(v => v.ItemId);
                return [.. found.Hits.Where(h => versions.ContainsKey(h.ItemId)).Select(h => versions[h.ItemId]).Select(v => new Choice(v.ItemId, v.Title, v.Culture))];
            }
        }

        // No index, or nothing in it yet (it follows the outbox): the titles still know.
        var filters = new List<Filter> { new Compare(CommonField.Title, FilterOperator.Contains, query) };
        if (allowed.Count > 0)
        {
            filters.Add(new Compare(CommonField.ContentType, FilterOperator.In, allowed.Cast<object>().ToList()));
        }

        var page = await reader.QueryAsync(new ContentQuery
        {
            Culture = null,
            Status = VersionStatus.Latest,
            Where = new AllOf(filters),
            OrderBy = [new SortKey(CommonField.Title)],
            Take = MaxResults,
            IncludeTotalCount = false,
        }, cancellationToken);
        return [.. page.Items.Select(v => new Choice(v.ItemId, v.Title, v.Culture))];
    }
}
