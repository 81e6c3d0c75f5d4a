namespace Smile.Content.Querying;

/// <summary>A filter tree: comparisons on common columns or indexed fields, relations, and boolean logic.</summary>
public abstract record Filter;

public sealed record AllOf(IReadOnlyList<Filter> Filters) : Filter;

public sealed record AnyOf(IReadOnlyList<Filter> Filters) : Filter;

public sealed record Not(Filter Filter) : Filter;

/// <summary>
/// Compares a common column or an indexed field with a value. The value's CLR type picks the index
/// column: string, double, DateTime (UTC) or bool; <see cref="FilterOperator.In"/> takes a list.
/// </summary>
public sealed record Compare(string Field, FilterOperator Operator, object? Value) : Filter;

/// <summary>Items whose relation field points to any of the given item ids.</summary>
public sealed record RelatedTo(string Field, IReadOnlyList<string> TargetIds) : Filter;

public enum FilterOperator
{
    Equal,
    NotEqual,
    Contains,
    StartsWith,
    In,
    NotIn,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
