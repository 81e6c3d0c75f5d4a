using Smile.Content.Definitions;
using Smile.Content.Validation;

namespace Smile.Admin.Forms;

/// <summary>Everything the generated form of one item needs: its type, the values to show, the pickers' choices and the errors.</summary>
public sealed class ItemForm
{
    public required ContentTypeDefinition Type { get; init; }

    public required FormInputs Inputs { get; init; }

    public ChoiceSet Choices { get; init; } = new();

    public List<FieldError> Errors { get; } = [];

    /// <summary>Rendered Markdown by field name, shown under the text area.</summary>
    public Dictionary<string, string> Previews { get; } = new(StringComparer.Ordinal);

    /// <summary>The input an error about <paramref name="field"/> links to.</summary>
    public static string InputId(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Link => FormInputs.Id(FormInputs.Name(field.Name, "url")),
        FieldKind.GeoPoint => FormInputs.Id(FormInputs.Name(field.Name, "lat")),
        FieldKind.Media => FormInputs.Id(FormInputs.Name(field.Name, "0", "mediaId")),
        _ => FormInputs.Id(FormInputs.Name(field.Name)),
    };

    public IEnumerable<FieldError> ErrorsOf(string inputId) => Errors.Where(e => e.InputId == inputId);

    /// <summary>The core's errors, each pointed at its input; errors about the item as a whole have none.</summary>
    public void Add(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var name = error.Path.Split('.', '[')[0];
            if (name == "title" || name == "slug")
            {
                Errors.Add(new FieldError(name, name == "title" ? "Titel" : "Kurzname (Slug)", error.Message));
            }
            else if (Type.FindField(name) is { } field)
            {
                Errors.Add(new FieldError(InputId(field), field.DisplayName, error.Message));
            }
            else
            {
                Errors.Add(new FieldError(null, "", error.Message));
            }
        }
    }

    /// <summary>The ids for <c>aria-describedby</c>: hint and error of one input, when they exist.</summary>
    public string? DescribedBy(string inputId, bool hasHint)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add(inputId + "-hint");
        }

        if (ErrorsOf(inputId).Any())
        {
            ids.Add(inputId + "-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public string Invalid(string inputId) => ErrorsOf(inputId).Any() ? "true" : "false";
}
