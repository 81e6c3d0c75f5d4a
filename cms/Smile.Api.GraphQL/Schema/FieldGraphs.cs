using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Items;

namespace Smile.Api.GraphQL.Schema;

/// <summary>The GraphQL type and resolver of each field kind; values are read from the version's stored JSON.</summary>
internal sealed class FieldGraphs(SharedTypes shared, IInterfaceGraphType item, IReadOnlyDictionary<string, ObjectGraphType> contentTypes)
{
    private Scalars Scalars => shared.Scalars;

    public void Add(ObjectGraphType type, FieldDefinition field)
    {
        var name = field.Name;
        var description = field.Settings.Hint ?? field.DisplayName;
        switch (field.Kind)
        {
            case FieldKind.Text:
                type.Add(name, Scalars.String, c => Value(c, name)?.GetValue<string>(), description);
                break;
            case FieldKind.Markdown:
                type.Add(name, shared.Markdown, c => Value(c, name), description);
                break;
            case FieldKind.Html:
                type.Add(name, Scalars.String, c => Value(c, name)?["html"]?.GetValue<string>(), description);
                break;
            case FieldKind.Number:
                type.Add(name, Scalars.Float, c => Value(c, name)?.GetValue<double>(), description);
                break;
            case FieldKind.Boolean:
                type.Add(name, Scalars.Boolean, c => Value(c, name)?.GetValue<bool>(), description);
                break;
            case FieldKind.Date:
                type.Add(name, Scalars.Date, c => Value(c, name) is { } d ? DateOnly.ParseExact(d.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, description);
                break;
            case FieldKind.DateTime:
                type.Add(name, Scalars.DateTime, c => Value(c, name) is { } d ? DateTimeFieldHandler.Parse(d.GetValue<string>()) : null, description);
                break;
            case FieldKind.Link:
                type.Add(name, shared.Link, c => Value(c, name), description);
                break;
            case FieldKind.GeoPoint:
                type.Add(name, shared.GeoPoint, c => Value(c, name), description);
                break;
            case FieldKind.Enumeration when field.Settings.Multiple:
                type.Add(name, Scalars.String.NonNullList(), c => Value(c, name) is JsonArray a ? a.Select(v => v!.GetValue<string>()).ToList() : [], description);
                break;
            case FieldKind.Enumeration:
                type.Add(name, Scalars.String, c => Value(c, name)?.GetValue<string>(), description + Allowed(field));
                break;
            case FieldKind.Media when field.Settings.Multiple:
                type.Add(name, shared.Media.NonNullList(), c => Value(c, name) as JsonArray ?? [], description);
                break;
            case FieldKind.Media:
                type.Add(name, shared.Media, c => Value(c, name), description);
                break;
            case FieldKind.ContentPicker or FieldKind.Taxonomy:
                AddRelation(type, field, description);
                break;
            default:
                throw new InvalidOperationException($"Field kind {field.Kind} has no GraphQL mapping.");
        }
    }

    /// <summary>References resolve to typed items through the request's batch loader; ones the caller may not see are left out.</summary>
    private void AddRelation(ObjectGraphType type, FieldDefinition field, string description)
    {
        var handler = (ContentPickerFieldHandler)FieldHandlers.For(field.Kind);
        var allowed = handler.AllowedTypes(field.Settings);
        IGraphType target = allowed.Count == 1 && contentTypes.TryGetValue(allowed[0], out var single) ? single : item;
        var name = field.Name;
        if (field.Settings.Multiple)
        {
            type.Add(name, target.NonNullList(), c => Loader(c).LoadMany(Ids(c, name)), description);
        }
        else
        {
            type.Add(name, target, c => Ids(c, name) is [var id, ..] ? Loader(c).Load(id) : null, description);
        }
    }

    private static Loading.BatchLoader<string, ContentVersion> Loader(IResolveFieldContext context)
    {
        var source = (ContentVersion)context.Source!;
        // Published items link to published items; previews (latest versions) link to the latest versions.
        var status = source.Published ? VersionStatus.Published : VersionStatus.Latest;
        return ((SmileUserContext)context.UserContext).Items(status);
    }

    private static List<string> Ids(IResolveFieldContext context, string name) =>
        Value(context, name) is JsonArray array ? [.. array.Select(v => v!.GetValue<string>())] : [];

    private static JsonNode? Value(IResolveFieldContext context, string name) => ((ContentVersion)context.Source!).Fields[name];

    private static string Allowed(FieldDefinition field) => " (" + string.Join(", ", field.Settings.AllowedValues) + ")";
}
