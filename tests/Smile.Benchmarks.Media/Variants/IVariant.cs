namespace Smile.Benchmarks.Media.Variants;

/// <summary>One way to write every derivative of a source image into a folder; run alone in a child process.</summary>
internal interface IVariant
{
    string Name { get; }

    string How { get; }

    /// <summary>The number of files written.</summary>
    int Run(string source, string output, IReadOnlyList<int> widths);
}
