using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Schema;
using Smile.Content.Querying;
using Smile.Content.Security;

namespace Smile.Api.GraphQL.Execution;

/// <summary>
/// Runs one GraphQL request against the current schema with the API's limits. Used by the HTTP
/// transport and, in-process, by the site generator's content source.
/// </summary>
public sealed partial class GraphQLExecutor
{
    private readonly DocumentExecuter _executer = new();
    private readonly SchemaService _schemas;
    private readonly IContentReader _reader;
    private readonly PersistedDocuments _documents;
    private readonly ApiOptions _options;
    private readonly ILogger<GraphQLExecutor> _logger;
    private readonly IValidationRule[] _rules;

    public GraphQLExecutor(SchemaService schemas, IContentReader reader, PersistedDocuments documents, IOptions<ApiOptions> options, ILogger<GraphQLExecutor> logger)
    {
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
            new ComplexityValidationRule(new ComplexityOptions { MaxDepth = _options.MaxDepth, MaxComplexity = _options.MaxComplexity, DefaultScalarImpact = 0 }),
            new AliasLimitRule(_options.MaxAliases),
        ];
    }

    public ApiOptions Options => _options;

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, Actor actor, ContentState state, CancellationToken cancellationToken = default)
    {
        var query = request.Query;
        if (request.DocumentId is { } documentId)
        {
            if (!_documents.TryGet(documentId, out var stored))
            {
                return Refused(ApiErrors.BadInput($"No persisted document has the id '{documentId}'."));
            }

            query = stored;
        }
        else if (_options.PersistedDocumentsOnly && !actor.Has(Permission.PreviewDrafts))
        {
            return Refused(ApiErrors.Denied("This server runs persisted documents only for anonymous callers: send a documentId."));
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return Refused(ApiErrors.BadInput("The request has no query and no documentId."));
        }

        var schema = await _schemas.GetAsync(state.SchemaVersion, cancellationToken);
        return await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema.Schema,
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new SmileUserContext(actor, _reader),
            ValidationRules = _rules,
            CancellationToken = cancellationToken,
            Timeout = _options.ExecutionTimeout,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = context =>
            {
                // Callers see a plain message; the details go to the log, never to the response.
                LogUnhandled(_logger, context.OriginalException);
                context.ErrorMessage = "The server could not answer this field. The error was logged.";
                return Task.CompletedTask;
            },
        });
    }

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error], Executed = false };

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL resolver failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
