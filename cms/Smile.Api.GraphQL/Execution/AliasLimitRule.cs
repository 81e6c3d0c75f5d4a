using GraphQL.Validation;
using GraphQLParser.AST;

namespace Smile.Api.GraphQL.Execution;

/// <summary>
/// Refuses documents with more aliases than any honest query needs: a thousand aliases of a cheap
/// field cost the server a thousand resolutions while the complexity budget barely notices.
/// </summary>
internal sealed class AliasLimitRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new ValueTask<INodeVisitor?>(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is not null && ++count == maxAliases + 1)
            {
                validation.ReportError(new ValidationError(validation.Document.Source, "ALIAS_LIMIT", $"The document uses more than {maxAliases} aliases.", field));
            }
        }));
    }
}
