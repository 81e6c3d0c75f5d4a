using Smile.Content.Definitions;
using Smile.Content.Rendering;
using Smile.Content.Validation;

namespace Smile.Content.Fields;

/// <summary>What a field handler needs while it normalizes one value.</summary>
public sealed class FieldContext(FieldDefinition field, MarkupRenderer renderer, List<ValidationError> errors)
{
    public FieldDefinition Field { get; } = field;

    public FieldSettings Settings => Field.Settings;

    public MarkupRenderer Renderer { get; } = renderer;

    public void Error(string message) => errors.Add(new ValidationError(Field.Name, message));
}
