using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Rendering;

namespace Smile.Admin.Forms;

/// <summary>Builds the form of an item: from its stored version, or from what was just posted (with fresh previews and picker results).</summary>
public sealed class ItemForms(FieldChoices choices, MarkupRenderer renderer)
{
    public async Task<ItemForm> FromVersionAsync(ContentTypeDefinition type, ContentVersion version, CancellationToken cancellationToken)
    {
        var inputs = FieldForms.ToInputs(type, version);
        var form = new ItemForm { Type = type, Inputs = inputs, Choices = await choices.LoadAsync(type, version.Culture, inputs, cancellationToken) };
        foreach (var field in type.AllFields.Where(f => f.Kind == FieldKind.Markdown))
        {
            if (version.Fields[field.Name] is JsonObject stored && stored["html"] is { } html)
            {
                form.Previews[field.Name] = html.GetValue<string>();
            }
        }

        return form;
    }

    public async Task<ItemForm> FromInputsAsync(ContentTypeDefinition type, string culture, FormInputs inputs, CancellationToken cancellationToken)
    {
        var form = new ItemForm { Type = type, Inputs = inputs, Choices = await choices.LoadAsync(type, culture, inputs, cancellationToken) };
        foreach (var field in type.AllFields.Where(f => f.Kind == FieldKind.Markdown))
        {
            var markdown = inputs[FormInputs.Name(field.Name)];
            if (markdown.Length is > 0 and <= MarkdownPreview.MaxLength)
            {
                form.Previews[field.Name] = renderer.RenderMarkdown(markdown);
            }
        }

        return form;
    }
}
