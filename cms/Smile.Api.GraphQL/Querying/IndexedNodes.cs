using System.Text.Json.Nodes;
using GraphQLParser.AST;
using Smile.Content.Items;
using Smile.Content.Searching;

namespace Smile.Api.GraphQL.Querying;

/// <summary>
/// Search hits as items without a database read, when a query asks of them only what the index keeps
/// (a result list: id, title, path). Anything more, anywhere in the document, and the versions are read.
/// </summary>
internal static class IndexedNodes
{
    /// <summary>The item fields an indexed hit answers truthfully; the rest of its version is left empty.</summary>
    private static readonly HashSet<string> Answered = new(StringComparer.Ordinal) { "id", "contentType", "title", "path", "culture", "__typename" };

    /// <summary>How deep fragments may nest before the answer is simply "read the database".</summary>
    private const int MaxDepth = 16;

    /// <summary>
    /// Whether every <c>search</c> field of the document selects only answered fields on its hits. The whole
    /// document is looked at, not one field: GraphQL merges fields of the same name into one answer.
    /// </summary>
    public static bool Suffice(GraphQLDocument document)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var searches = document.Definitions.OfType<GraphQLOperationDefinition>().Select(o => o.SelectionSet)
            .Concat(fragments.Values.Select(f => f.SelectionSet))
            .SelectMany(set => SearchFields(set, fragments, 0));
        return searches.All(search => Answers(search.SelectionSet, Level.Connection, fragments, 0));
    }

    /// <summary>A version holding only what the index keeps: read nothing else from it.</summary>
    public static ContentVersion Version(string itemId, IndexedVersion indexed) => new()
    {
        ItemId = itemId,
        Number = 0,
        ContentType = indexed.ContentType,
        Culture = indexed.Culture,
        LocalizationSet = itemId,
        Title = indexed.Title,
        Path = indexed.Path,
        Fields = [],
        OwnerId = "",
        ModifiedBy = "",
        Published = true,
    };

    private enum Level
    {
        Connection,
        Edge,
        Node,
    }

    private static IEnumerable<GraphQLField> SearchFields(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            if (selection is GraphQLField field)
            {
                if (field.Name.StringValue == "search")
                {
                    yield return field;
                }
                else if (depth < MaxDepth)
                {
                    foreach (var inner in SearchFields(field.SelectionSet, fragments, depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
            else if (selection is GraphQLInlineFragment inline && depth < MaxDepth)
            {
                foreach (var inner in SearchFields(inline.SelectionSet, fragments, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool Answers(GraphQLSelectionSet? set, Level level, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        if (set is null)
        {
            return true;
        }

        if (depth > MaxDepth)
        {
            return false;
        }

        foreach (var selection in set.Selections)
        {
            var answered = selection switch
            {
                GraphQLField field => (level, field.Name.StringValue) switch
                {
                    (Level.Node, var name) => Answered.Contains(name),
                    (Level.Connection, "nodes") => Answers(field.SelectionSet, Level.Node, fragments, depth + 1),
                    (Level.Connection, "edges") => Answers(field.SelectionSet, Level.Edge, fragments, depth + 1),
                    (Level.Edge, "node") => Answers(field.SelectionSet, Level.Node, fragments, depth + 1),
                    _ => true, // counts, facets, snippets, cursors: not read from the versions
                },
                GraphQLInlineFragment inline => Answers(inline.SelectionSet, level, fragments, depth + 1),
                GraphQLFragmentSpread spread => fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && Answers(fragment.SelectionSet, level, fragments, depth + 1),
                _ => false,
            };
            if (!answered)
            {
                return false;
            }
        }

        return true;
    }
}
