using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Smile.Api.GraphQL.Schema;

/// <summary>Small helpers for building types at runtime from instances, which is what a data-driven schema needs.</summary>
internal static class GraphFields
{
    public static FieldType Add(this IComplexGraphType type, string name, IGraphType graphType, Func<IResolveFieldContext, object?> resolve, string? description = null, QueryArguments? arguments = null) =>
        type.Add(name, graphType, new FuncFieldResolver<object?>(resolve), description, arguments);

    public static FieldType AddAsync(this IComplexGraphType type, string name, IGraphType graphType, Func<IResolveFieldContext, ValueTask<object?>> resolve, string? description = null, QueryArguments? arguments = null) =>
        type.Add(name, graphType, new FuncFieldResolver<object?>(resolve), description, arguments);

    private static FieldType Add(this IComplexGraphType type, string name, IGraphType graphType, IFieldResolver resolver, string? description, QueryArguments? arguments)
    {
        var field = new FieldType { Name = name, ResolvedType = graphType, Resolver = resolver, Description = description, Arguments = arguments };
        type.AddField(field);
        return field;
    }

    /// <summary>A field of an interface: no resolver, the implementing types bring theirs.</summary>
    public static void Declare(this IComplexGraphType type, string name, IGraphType graphType, string? description = null, QueryArguments? arguments = null) =>
        type.AddField(new FieldType { Name = name, ResolvedType = graphType, Description = description, Arguments = arguments });

    public static IGraphType NonNull(this IGraphType type) => new NonNullGraphType(type);

    public static IGraphType ListOf(this IGraphType type) => new ListGraphType(type);

    /// <summary><c>[T!]</c>: the shape of list arguments.</summary>
    public static IGraphType ListOfNonNull(this IGraphType type) => new ListGraphType(new NonNullGraphType(type));

    /// <summary><c>[T!]!</c></summary>
    public static IGraphType NonNullList(this IGraphType type) => new NonNullGraphType(new ListGraphType(new NonNullGraphType(type)));

    public static QueryArgument Argument(string name, IGraphType type, string? description = null, object? defaultValue = null) =>
        new(type) { Name = name, Description = description, DefaultValue = defaultValue };
}
