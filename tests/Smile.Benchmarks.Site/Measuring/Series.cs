namespace Smile.Benchmarks.Site.Measuring;

/// <summary>Several runs of one thing; the median is the figure, the range shows the noise.</summary>
internal sealed class Series(string name, string note = "")
{
    public string Name { get; } = name;

    public string Note { get; set; } = note;

    public List<double> Wall { get; } = [];

    public List<double> Cpu { get; } = [];

    public List<double> PeakMiB { get; } = [];

    public void Add(ProcessFigures figures)
    {
        Wall.Add(figures.WallSeconds);
        Cpu.Add(figures.CpuSeconds);
        PeakMiB.Add(figures.PeakMiB);
    }

    public void AddWall(double seconds) => Wall.Add(seconds);

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
