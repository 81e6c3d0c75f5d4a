namespace Smile.Recipes;

/// <summary>A recipe was refused: which file, where in it, and what is wrong. Nothing of it was imported.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string file, string jsonPath, string problem)
        : base($"{file}: {jsonPath}: {problem}")
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public RecipeException()
        : this("", "$", "")
    {
    }

    public RecipeException(string message)
        : this("", "$", message)
    {
    }

    public RecipeException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        JsonPath = "$";
        Problem = message;
    }

    public string File { get; }

    public string JsonPath { get; }

    public string Problem { get; }
}
