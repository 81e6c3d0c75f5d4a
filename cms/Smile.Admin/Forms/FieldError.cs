namespace Smile.Admin.Forms;

/// <summary>A problem shown in the error summary and next to its field: <paramref name="InputId"/> is the input to jump to.</summary>
public sealed record FieldError(string? InputId, string Label, string Message);
