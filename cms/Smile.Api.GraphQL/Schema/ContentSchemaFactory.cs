using GraphQL;
using GraphQL.Conversion;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Querying;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Schema;

/// <summary>
/// Builds the public schema from the content type definitions: per type an object type (implementing
/// Item), a connection, a filter and an order input, and a list and a single field on Query. Schemas are
/// immutable; a changed type means a new schema.
/// </summary>
public static class ContentSchemaFactory
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static ISchema Build(IReadOnlyList<ContentTypeDefinition> types, string dataLicense)
    {
        var shared = new SharedTypes();
        var itemFields = new ItemFields(shared);
        var item = itemFields.CreateInterface();
        var objects = types.ToDictionary(t => t.Name, t => new ObjectGraphType
        {
            Name = t.Name,
            Description = t.DisplayName,
            IsTypeOf = source => source is ContentVersion v && v.ContentType == t.Name,
        });
        var fields = new FieldGraphs(shared, item, objects);
        var inputs = new FilterInputs(shared);
        var query = new ObjectGraphType { Name = "Query" };
        var observations = new ObservationFields(shared);
        foreach (var type in types)
        {
            var graph = objects[type.Name];
            itemFields.AddTo(graph);
            graph.AddResolvedInterface(item);
            foreach (var field in type.AllFields)
            {
                fields.Add(graph, field);
            }

            if (type.Name == ObservationFields.DatastreamType)
            {
                observations.AddTo(graph);
            }

            AddRootFields(query, type, graph, shared, inputs);
        }

        AddNode(query, item, shared);
        SearchFields.Add(query, item, shared, types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        query.Add("dataLicense", shared.Scalars.String.NonNull(), _ => dataLicense, "The licence this content is published under.");
        AddChanges(query, shared);
        var schema = new global::GraphQL.Types.Schema
        {
            Query = query,
            Description = "Smile: the content of Smile City Rostock.",
            // Names are already what the contract says (camelCase fields, AND/OR/NOT): no conversion.
            NameConverter = DefaultNameConverter.Instance,
        };
        schema.RegisterType(item);
        foreach (var graph in objects.Values)
        {
            schema.RegisterType(graph);
        }

        schema.Initialize();
        return schema;
    }

    private static void AddRootFields(ObjectGraphType query, ContentTypeDefinition type, ObjectGraphType graph, SharedTypes shared, FilterInputs inputs)
    {
        var scalars = shared.Scalars;
        var edge = new ObjectGraphType { Name = type.Name + "Edge" };
        edge.Add("cursor", scalars.String.NonNull(), c => ((ContentConnection.Edge)c.Source!).Cursor);
        edge.Add("node", graph.NonNull(), c => ((ContentConnection.Edge)c.Source!).Node);
        var connection = new ObjectGraphType { Name = type.Name + "Connection" };
        connection.Add("nodes", graph.NonNullList(), c => ((ContentConnection)c.Source!).Items);
        connection.Add("edges", edge.NonNullList(), c => ((ContentConnection)c.Source!).Edges);
        connection.Add("pageInfo", shared.PageInfo.NonNull(), c => c.Source);
        connection.Add("totalCount", scalars.Int.NonNull(), c => ((ContentConnection)c.Source!).TotalCount);

        query.AddAsync(Naming.List(type.Name), connection.NonNull(), async c =>
        {
            var context = (SmileUserContext)c.UserContext;
            var status = Authorized(c, context);
            var first = c.GetArgument("first", DefaultPageSize);
            if (first is < 0 or > MaxPageSize)
            {
                throw ApiErrors.BadInput($"first must be between 0 and {MaxPageSize}, not {first}; page with `after`.");
            }

            var offset = Cursor.Decode(c.GetArgument<string?>("after"));
            var translation = new FilterTranslation(type, context.Reader);
            var page = await context.Reader.QueryAsync(new ContentQuery
            {
                ContentType = type.Name,
                Culture = c.GetArgument<string?>("culture"),
                Status = status,
                Where = await translation.WhereAsync(c.GetArgument<Dictionary<string, object?>?>("where"), c.CancellationToken),
                OrderBy = FilterTranslation.OrderBy(c.GetArgument<List<object?>?>("orderBy")),
                Offset = offset,
                Take = first,
                // Counting visits every match: only when the caller asked for the number.
                IncludeTotalCount = c.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") ?? true,
            }, c.CancellationToken);
            return new ContentConnection(page.Items, page.TotalCount, page.HasMore, offset);
        }, $"{type.DisplayName}: a page of items.", new QueryArguments(
            GraphFields.Argument("where", inputs.Filter(type)),
            GraphFields.Argument("orderBy", inputs.Order(type).ListOfNonNull(), "Default: newest published first."),
            GraphFields.Argument("first", scalars.Int, $"Page size, at most {MaxPageSize}.", DefaultPageSize),
            GraphFields.Argument("after", scalars.String, "The endCursor of the previous page."),
            GraphFields.Argument("culture", scalars.String, "de, en or de-x-ls; null for all.", ContentTypeDefinition.DefaultCulture),
            GraphFields.Argument("status", shared.Status, defaultValue: VersionStatus.Published)));

        query.AddAsync(Naming.Single(type.Name), graph, async c =>
        {
            var context = (SmileUserContext)c.UserContext;
            var status = Authorized(c, context);
            var id = c.GetArgument<string?>("id");
            var path = c.GetArgument<string?>("path");
            if ((id is null) == (path is null))
            {
                throw ApiErrors.BadInput("Give either id or path.");
            }

            var version = id is not null
                ? await context.Items(status).Load(id).GetResultAsync(c.CancellationToken)
                : await context.Reader.GetByPathAsync(c.GetArgument("culture", ContentTypeDefinition.DefaultCulture), path!, status, c.CancellationToken);
            return version?.ContentType == type.Name ? version : null;
        }, $"{type.DisplayName}: one item by id or path.", new QueryArguments(
            GraphFields.Argument("id", scalars.Id),
            GraphFields.Argument("path", scalars.String, "The public path, e.g. /aktuelles/..."),
            GraphFields.Argument("culture", scalars.String, "The culture the path belongs to.", ContentTypeDefinition.DefaultCulture),
            GraphFields.Argument("status", shared.Status, defaultValue: VersionStatus.Published)));
    }

    private static void AddNode(ObjectGraphType query, IInterfaceGraphType item, SharedTypes shared)
    {
        query.Add("node", item, c =>
        {
            var context = (SmileUserContext)c.UserContext;
            return context.Items(Authorized(c, context)).Load(c.GetArgument<string>("id"));
        }, "Any item by id.", new QueryArguments(
            GraphFields.Argument("id", shared.Scalars.Id.NonNull()),
            GraphFields.Argument("status", shared.Status, defaultValue: VersionStatus.Published)));
    }

    private static void AddChanges(ObjectGraphType query, SharedTypes shared)
    {
        query.AddAsync("changes", shared.ChangeConnection.NonNull(), async c =>
        {
            var context = (SmileUserContext)c.UserContext;
            var first = c.GetArgument("first", MaxPageSize);
            if (first is < 1 or > 1000)
            {
                throw ApiErrors.BadInput($"first must be between 1 and 1000, not {first}.");
            }

            var after = ChangeFeed.Position(c.GetArgument<string?>("after"));
            var events = await context.Reader.EventsAfterAsync(after, first + 1, publicOnly: true, c.CancellationToken);
            return new ChangePage([.. events.Take(first)], events.Count > first, after);
        }, "Changes to public content since a position, oldest first: follow it to update a site or mirror incrementally.", new QueryArguments(
            GraphFields.Argument("after", shared.Scalars.String, "A position from an earlier answer; omit to start at the oldest change kept."),
            GraphFields.Argument("first", shared.Scalars.Int, "At most 1000.", MaxPageSize)));
    }

    /// <summary>The authorization rule: anything but published content needs the preview permission.</summary>
    internal static VersionStatus Authorized(IResolveFieldContext context, SmileUserContext user)
    {
        var status = context.GetArgument("status", VersionStatus.Published);
        if (status != VersionStatus.Published && !user.MayPreview)
        {
            throw ApiErrors.Denied($"status {status.ToString().ToUpperInvariant()} needs the preview permission (an API key or a signed-in editor); anonymous callers read PUBLISHED content only.");
        }

        return status;
    }
}
