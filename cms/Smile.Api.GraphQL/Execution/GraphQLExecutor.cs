using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Loading;
using Smile.Api.GraphQL.Schema;
using Smile.Content.Media;
using Smile.Content.Observations;
using Smile.Content.Querying;
using Smile.Content.Searching;
using Smile.Content.Security;
using Smile.Content.Validation;

namespace Smile.Api.GraphQL.Execution;

/// <summary>
/// Runs one GraphQL request against the current schema with the API's limits. Used by the HTTP
/// transport and, in-process, by the site generator's content source.
/// </summary>
public sealed partial class GraphQLExecutor
{
    private const int IntrospectionDepth = 15;
    private const int MaxSchemaLists = 3;

    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args", "directives" };

    private const int MaxValidatedDocuments = 1000;

    private readonly QueryExecuter _executer = new();
    private readonly PublishedVersionCache _published = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, global::GraphQLParser.AST.GraphQLDocument> _validated = new(StringComparer.Ordinal);

    /// <summary>Per validated document: its variables of type String, whose values no rule or limit reads (a search's words).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _textVariables = new(StringComparer.Ordinal);
    private readonly SchemaService _schemas;
    private readonly IContentReader _reader;
    private readonly PersistedDocuments _documents;
    private readonly ApiOptions _options;
    private readonly ILogger<GraphQLExecutor> _logger;
    private readonly IContentSearch? _search;
    private readonly IValidationRule[] _rules;
    private readonly IObservationReader? _observations;
    private readonly IMediaMetadata? _media;

    public GraphQLExecutor(SchemaService schemas, IContentReader reader, PersistedDocuments documents, IOptions<ApiOptions> options, ILogger<GraphQLExecutor> logger, IContentSearch? search = null, IObservationReader? observations = null, IMediaMetadata? media = null)
    {
        _media = media;
        _search = search;
        _observations = observations;
        _schemas = schemas;
        _reader = reader;
        _documents = documents;
        _options = options.Value;
        _logger = logger;
        _rules =
        [
            .. DocumentValidator.CoreRules,
            // Scalars come with their row; what costs is objects and, above all, lists of them: "first" on
            // connections, an estimated five per relation list.
            new ComplexityValidationRule(new ComplexityOptions { MaxComplexity = _options.MaxComplexity, DefaultScalarImpact = 0, ValidateComplexityDelegate = CheckLimitsAsync }),
            new AliasLimitRule(_options.MaxAliases),
        ];
    }

    public ApiOptions Options => _options;

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, Actor actor, ContentState state, CancellationToken cancellationToken = default) =>
        (await ExecuteCacheableAsync(request, actor, state, cancellationToken)).Result;

    /// <summary>The answer, and whether it follows from the content state alone (and so may be cached under it).</summary>
    internal async Task<(ExecutionResult Result, bool Cacheable)> ExecuteCacheableAsync(GraphQLRequest request, Actor actor, ContentState state, CancellationToken cancellationToken = default)
    {
        var query = request.Query;
        if (request.DocumentId is { } documentId)
        {
            if (!_documents.TryGet(documentId, out var stored))
            {
                return (Refused(ApiErrors.BadInput($"No persisted document has the id '{documentId}'.")), false);
            }

            query = stored;
        }
        else if (_options.PersistedDocumentsOnly && actor == Actor.Anonymous)
        {
            return (Refused(ApiErrors.Denied("This server runs persisted documents only for anonymous callers: send a documentId.")), false);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return (Refused(ApiErrors.BadInput("The request has no query and no documentId.")), false);
        }

        var schema = await _schemas.GetAsync(state.SchemaVersion, cancellationToken);
        // A document already validated against this schema with these variables needs no second validation:
        // neither the rules nor the complexity analysis (whose estimate depends on the variables, hence the key).
        // GraphQL.NET runs whatever ValidationRules it is given, even with a parsed Document, so they go empty.
        // Variables of type String count for nothing in validation (values are checked when they are read, for
        // every request) nor in the complexity estimate: a search box sending new words needs no new validation.
        var documentKey = DocumentKey(schema.Version, request, query);
        var validatedKey = ValidatedKey(documentKey, request, _textVariables.GetValueOrDefault(documentKey));
        var validated = _validated.TryGetValue(validatedKey, out var cachedDocument) ? cachedDocument : null;
        var userContext = new SmileUserContext(actor, _reader, _observations, _media, _published) { Search = _search, State = state };
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema.Schema,
            Query = validated is null ? query : null,
            Document = validated,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = userContext,
            ValidationRules = validated is null ? _rules : [],
            CancellationToken = cancellationToken,
            Timeout = _options.ExecutionTimeout,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = context =>
            {
                // GraphQL.NET reports syntax errors itself, but not the parser's refusal of documents nested
                // deeper than it walks safely: that is the caller's mistake, not a server failure to log.
                if (context.OriginalException is GraphQLParserException parser)
                {
                    context.ErrorMessage = $"The query cannot be parsed: {parser.Description} (line {parser.Location.Line}, column {parser.Location.Column}).";
                    return Task.CompletedTask;
                }

                // Input the content core refused (a filter value of the wrong kind, say) is the caller's to fix.
                if (context.OriginalException is ContentValidationException invalid)
                {
                    context.Exception = ApiErrors.BadInput(string.Join(" ", invalid.Errors.Select(e => e.Message)));
                    return Task.CompletedTask;
                }

                // Anything else is the server's fault: callers see a plain message and a neutral code (no
                // exception or vendor names); the details go to the log, never to the response.
                LogUnhandled(_logger, context.OriginalException);
                context.Exception = new ExecutionError("The server could not answer this field. The error was logged.") { Code = ApiErrors.Internal };
                return Task.CompletedTask;
            },
        });

        if (validated is null && result.Executed && result.Document is { } parsed && _validated.Count < MaxValidatedDocuments)
        {
            var textVariables = TextVariables(parsed);
            _textVariables.TryAdd(documentKey, textVariables);
            _validated.TryAdd(ValidatedKey(documentKey, request, textVariables), parsed);
        }

        return (result, !userContext.ReadsBeyondContentState);
    }

    /// <summary>
    /// The depth limit, and the budget for reading the schema. The standard introspection query (graphql-js,
    /// GraphiQL and most tools) nests 15 levels through <c>ofType</c> and is estimated at many times the content
    /// budget, growing with every type, yet it is answered from memory and its answer is as big as the schema.
    /// So introspection gets that depth, and is exempt from the budget while it has that shape: no aliases, no
    /// list of the schema nested in itself (fields within fields) and at most three deep (types, their fields,
    /// their arguments). Whatever else asks for more than the schema once is estimated like any query.
    /// </summary>
    private Task CheckLimitsAsync(ComplexityValidationContext context)
    {
        var validation = context.ValidationContext;
        var introspection = validation.Operation.SelectionSet.Selections.All(s => s is GraphQLField { Name.Value: var name } && (name == "__schema" || name == "__type"));
        var limit = introspection ? Math.Max(_options.MaxDepth, IntrospectionDepth) : _options.MaxDepth;
        if (context.MaxDepth > limit)
        {
            context.Error = new ComplexityError($"Query is too nested to execute. Depth is {context.MaxDepth} levels, maximum allowed on this endpoint is {limit}.");
        }
        else if (introspection && ReadsSchemaOnce(validation))
        {
            context.Error = null;
        }

        return Task.CompletedTask;
    }

    private static bool ReadsSchemaOnce(ValidationContext validation)
    {
        var fragments = validation.Document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return ReadsSchemaOnce(validation.Operation.SelectionSet, "/", fragments, visited);
    }

    /// <param name="lists">The schema's lists on the path so far, between slashes.</param>
    private static bool ReadsSchemaOnce(GraphQLSelectionSet? selections, string lists, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visited)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            var (inner, path) = selection switch
            {
                GraphQLField { Alias: not null } => (null, null),
                GraphQLField field when SchemaLists.Contains(field.Name.StringValue) =>
                    lists.Contains("/" + field.Name.StringValue + "/", StringComparison.Ordinal) || lists.Count(c => c == '/') > MaxSchemaLists
                        ? (null, null)
                        : (field.SelectionSet, lists + field.Name.StringValue + "/"),
                GraphQLField field => (field.SelectionSet, lists),
                GraphQLInlineFragment fragment => (fragment.SelectionSet, lists),
                // A fragment is walked once per path of lists it is spread under: shared fragments cost no more.
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) =>
                    visited.Add(fragment.FragmentName.Name.StringValue + lists) ? (fragment.SelectionSet, lists) : (null, lists),
                _ => (null, null),
            };
            if (path is null || !ReadsSchemaOnce(inner, path, fragments, visited))
            {
                return false;
            }
        }

        return true;
    }

    private static string DocumentKey(long schemaVersion, GraphQLRequest request, string query) =>
        string.Concat(schemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), "\u001f", request.OperationName, "\u001f", query);

    private static string ValidatedKey(string documentKey, GraphQLRequest request, HashSet<string>? textVariables)
    {
        if (request.Variables is not { Count: > 0 } variables)
        {
            return documentKey + "\u001f";
        }

        var counted = textVariables is null ? variables : variables.Where(v => !textVariables.Contains(v.Key));
        return documentKey + "\u001f" + System.Text.Json.JsonSerializer.Serialize(counted.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
    }

    /// <summary>Variables declared String (or lists of String) in every operation that declares them: values nothing estimates by.</summary>
    private static HashSet<string> TextVariables(GraphQLDocument document)
    {
        var declared = document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(o => o.Variables?.Items ?? [])
            .GroupBy(v => v.Variable.Name.StringValue, StringComparer.Ordinal);
        return [.. declared.Where(g => g.All(v => NamedType(v.Type) == "String")).Select(g => g.Key)];
    }

    private static string? NamedType(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLListType list => NamedType(list.Type),
        _ => null,
    };

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error], Executed = false };

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL resolver failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
