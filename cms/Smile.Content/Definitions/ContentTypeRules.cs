using System.Text.RegularExpressions;
using Smile.Content.Validation;

namespace Smile.Content.Definitions;

/// <summary>Checks that a type definition is well formed before it is stored.</summary>
public static partial class ContentTypeRules
{
    /// <summary>Names every item carries; a field may not shadow them.</summary>
    public static readonly IReadOnlySet<string> ReservedFieldNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "contentType", "title", "slug", "path", "previousPaths", "culture", "status", "createdAt",
        "modifiedAt", "publishedAt", "owner", "version", "localizations",
    };

    public static IReadOnlyList<ValidationError> Check(ContentTypeDefinition type)
    {
        var errors = new List<ValidationError>();
        if (!TypeName().IsMatch(type.Name))
        {
            errors.Add(new("name", $"Der Typname '{type.Name}' muss mit einem Großbuchstaben beginnen und darf nur Buchstaben und Ziffern enthalten."));
        }

        if (string.IsNullOrWhiteSpace(type.DisplayName))
        {
            errors.Add(new("displayName", "Der Anzeigename fehlt."));
        }

        if (type.Has(ContentPart.Autoroute))
        {
            foreach (var (culture, pattern) in type.PathPatterns.Prepend(new("", type.PathPattern ?? "")))
            {
                if (!pattern.StartsWith('/') || !pattern.Contains("{slug}", StringComparison.Ordinal))
                {
                    errors.Add(new(culture.Length == 0 ? "pathPattern" : $"pathPatterns.{culture}", $"Das Pfadmuster '{pattern}' muss mit '/' beginnen und {{slug}} enthalten."));
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var where = $"fields.{field.Name}";
            if (!FieldName().IsMatch(field.Name))
            {
                errors.Add(new(where, $"Der Feldname '{field.Name}' muss camelCase sein (Buchstaben und Ziffern, klein beginnend)."));
            }
            else if (ReservedFieldNames.Contains(field.Name) || (field.Name == "body" && type.Has(ContentPart.MarkdownBody)))
            {
                errors.Add(new(where, $"Der Feldname '{field.Name}' ist reserviert."));
            }

            if (!seen.Add(field.Name))
            {
                errors.Add(new(where, $"Das Feld '{field.Name}' ist doppelt definiert."));
            }

            errors.AddRange(CheckSettings(field, where));
        }

        return errors;
    }

    private static IEnumerable<ValidationError> CheckSettings(FieldDefinition field, string where)
    {
        var settings = field.Settings;
        if (field.Kind == FieldKind.Enumeration && settings.AllowedValues.Count == 0)
        {
            yield return new(where, "Ein Auswahlfeld braucht erlaubte Werte (allowedValues).");
        }

        if (field.Kind == FieldKind.Taxonomy && string.IsNullOrEmpty(settings.Taxonomy))
        {
            yield return new(where, "Ein Taxonomiefeld braucht den Typ seiner Begriffe (taxonomy).");
        }

        if (settings.Min is { } min && settings.Max is { } max && min > max)
        {
            yield return new(where, $"min ({min}) ist größer als max ({max}).");
        }

        if (settings.MaxLength is < 1)
        {
            yield return new(where, "maxLength muss mindestens 1 sein.");
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,63}$")]
    private static partial Regex TypeName();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex FieldName();
}
