using GraphQL.Types;

namespace Smile.Api.GraphQL.Schema;

/// <summary>One instance of each scalar per schema, so every field references the same type object.</summary>
internal sealed class Scalars
{
    public StringGraphType String { get; } = new();

    public IntGraphType Int { get; } = new();

    public FloatGraphType Float { get; } = new();

    public BooleanGraphType Boolean { get; } = new();

    public IdGraphType Id { get; } = new();

    public DateTimeGraphType DateTime { get; } = new();

    public DateOnlyGraphType Date { get; } = new() { Name = "Date" };
}
