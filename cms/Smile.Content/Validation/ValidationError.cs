namespace Smile.Content.Validation;

/// <summary>One problem with one value: where it is (a field name or JSON path) and what is wrong, in German.</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
