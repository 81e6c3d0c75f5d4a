using System.Globalization;
using System.Text.RegularExpressions;

namespace Smile.Testing.Cms;

/// <summary>One sample line of a Prometheus text scrape: <c>name{label="value",...} 42</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>The samples of a scrape of <c>/metrics</c>, to find a series by name and labels.</summary>
public sealed partial class PrometheusSamples(IReadOnlyList<PrometheusSample> samples)
{
    public IReadOnlyList<PrometheusSample> All => samples;

    public static async Task<PrometheusSamples> ScrapeAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static PrometheusSamples Parse(string text)
    {
        var found = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            found.Add(new PrometheusSample(match.Groups["name"].Value, labels, value));
        }

        return new PrometheusSamples(found);
    }

    /// <summary>Samples of <paramref name="name"/> whose labels include every pair given.</summary>
    public IReadOnlyList<PrometheusSample> Find(string name, params (string Key, string Value)[] labels) =>
        [.. samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))];

    /// <summary>The sum over the matching series (0 when there is none).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => Find(name, labels).Sum(s => s.Value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\S+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
