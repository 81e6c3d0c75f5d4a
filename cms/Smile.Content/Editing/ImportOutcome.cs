namespace Smile.Content.Editing;

public enum ImportOutcome
{
    Unchanged,
    Created,
    Updated,
}
