using GraphQL.Types;
using Smile.Content.Definitions;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Schema;

/// <summary>
/// The <c>where</c> and <c>orderBy</c> inputs of a content type. Operators are suffixes, so
/// <c>title_contains</c>, <c>start_gte</c>; relations filter by term ids or slugs.
/// </summary>
internal sealed class FilterInputs(SharedTypes shared)
{
    private static readonly string[] TextOperators = ["", "_not", "_contains", "_starts_with", "_in", "_not_in"];
    private static readonly string[] ChoiceOperators = ["", "_not", "_in", "_not_in"];
    private static readonly string[] RangeOperators = ["", "_not", "_gt", "_gte", "_lt", "_lte"];

    private readonly InputObjectGraphType _relation = CreateRelationFilter(shared.Scalars);

    private Scalars Scalars => shared.Scalars;

    public InputObjectGraphType Filter(ContentTypeDefinition type)
    {
        var filter = new InputObjectGraphType { Name = type.Name + "Filter", Description = $"Conditions on {type.DisplayName}; all given conditions must hold." };
        filter.Declare("AND", filter.ListOfNonNull(), "Every one of these.");
        filter.Declare("OR", filter.ListOfNonNull(), "At least one of these.");
        filter.Declare("NOT", filter, "Not this.");
        AddOperators(filter, CommonField.Id, Scalars.Id, ChoiceOperators);
        AddOperators(filter, CommonField.Title, Scalars.String, TextOperators);
        AddOperators(filter, CommonField.Slug, Scalars.String, ChoiceOperators);
        AddOperators(filter, CommonField.Path, Scalars.String, ["", "_starts_with", "_in"]);
        foreach (var date in new[] { CommonField.PublishedAt, CommonField.ModifiedAt, CommonField.CreatedAt })
        {
            AddOperators(filter, date, Scalars.DateTime, RangeOperators);
        }

        foreach (var field in type.AllFields)
        {
            if (field.Kind is FieldKind.ContentPicker or FieldKind.Taxonomy)
            {
                filter.Declare(field.Name, _relation, $"Items whose {field.Name} include any of these.");
                continue;
            }

            if (!field.Settings.Filterable)
            {
                continue;
            }

            switch (field.Kind)
            {
                case FieldKind.Text:
                    AddOperators(filter, field.Name, Scalars.String, TextOperators);
                    break;
                case FieldKind.Enumeration:
                    AddOperators(filter, field.Name, Scalars.String, ChoiceOperators);
                    break;
                case FieldKind.Number:
                    AddOperators(filter, field.Name, Scalars.Float, RangeOperators);
                    break;
                case FieldKind.Date:
                    AddOperators(filter, field.Name, Scalars.Date, RangeOperators);
                    break;
                case FieldKind.DateTime:
                    AddOperators(filter, field.Name, Scalars.DateTime, RangeOperators);
                    break;
                case FieldKind.Boolean:
                    AddOperators(filter, field.Name, Scalars.Boolean, [""]);
                    break;
            }
        }

        return filter;
    }

    public InputObjectGraphType Order(ContentTypeDefinition type)
    {
        var order = new InputObjectGraphType { Name = type.Name + "Order", Description = "One key per entry; give several entries to break ties." };
        foreach (var common in new[] { CommonField.Title, CommonField.Path, CommonField.PublishedAt, CommonField.ModifiedAt, CommonField.CreatedAt })
        {
            order.Declare(common, shared.SortDirection);
        }

        foreach (var field in type.AllFields.Where(f => f.Settings.Sortable && f.Kind is FieldKind.Text or FieldKind.Enumeration or FieldKind.Number or FieldKind.Date or FieldKind.DateTime or FieldKind.Boolean))
        {
            order.Declare(field.Name, shared.SortDirection);
        }

        return order;
    }

    private static void AddOperators(InputObjectGraphType filter, string field, IGraphType scalar, IEnumerable<string> operators)
    {
        foreach (var op in operators)
        {
            filter.Declare(field + op, op is "_in" or "_not_in" ? scalar.ListOfNonNull() : scalar);
        }
    }

    private static InputObjectGraphType CreateRelationFilter(Scalars scalars)
    {
        var relation = new InputObjectGraphType { Name = "RelationFilter", Description = "Matches when any referenced item has one of these ids or slugs." };
        relation.Declare("id_in", scalars.Id.ListOfNonNull());
        relation.Declare("slug_in", scalars.String.ListOfNonNull());
        return relation;
    }
}
