using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Smile.Api.GraphQL.Execution;

/// <summary>
/// Resolves queries field after field on one thread. Resolvers here are synchronous except the list and
/// search fields, and related items come through batch loaders that the strategy resolves a level at a time,
/// so running fields side by side buys nothing and costs a task per field.
/// </summary>
internal sealed class QueryExecuter : DocumentExecuter
{
    protected override IExecutionStrategy SelectExecutionStrategy(global::GraphQL.Execution.ExecutionContext context) =>
        context.Operation.Operation == OperationType.Query ? SerialExecutionStrategy.Instance : base.SelectExecutionStrategy(context);
}
