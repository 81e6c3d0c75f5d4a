namespace Smile.Content.Validation;

/// <summary>Input was refused; nothing was written.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ValidationError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ContentValidationException(string path, string message)
        : this([new ValidationError(path, message)])
    {
    }

    public ContentValidationException()
        : this([])
    {
    }

    public ContentValidationException(string message)
        : this("", message)
    {
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationError("", message)];
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
