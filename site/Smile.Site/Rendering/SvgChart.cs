using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Smile.Site.Rendering;

/// <summary>
/// A line chart of readings drawn at build time as inline SVG: no script, no third-party library, scales with the
/// page and prints. The mean is a line, the range of each reading (min to max) a light band, thresholds dashed.
/// Colours come from the theme's CSS through classes and <c>currentColor</c>. The chart is an image with a label;
/// the theme puts the same numbers beside it as text and as a table.
/// </summary>
public static class SvgChart
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const double Width = 640;
    private const double Height = 240;
    private const double Left = 48;
    private const double Right = 12;
    private const double Top = 12;
    private const double Bottom = 28;

    public sealed record Point(DateTimeOffset Time, double Mean, double Min, double Max);

    public static string Render(IReadOnlyList<Point> points, string label, double? low, double? high, CultureInfo culture, TimeZoneInfo zone)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encoder.Encode(label)}\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (points.Count == 0)
        {
            return svg.Append("</svg>").ToString();
        }

        var ordered = points.OrderBy(p => p.Time).ToList();
        var values = ordered.SelectMany(p => new[] { p.Min, p.Max, p.Mean }).Concat(new[] { low, high }.OfType<double>()).ToList();
        var (bottom, top, step) = NiceScale(values.Min(), values.Max());
        var start = ordered[0].Time;
        var end = ordered[^1].Time;
        var span = Math.Max((end - start).TotalSeconds, 1);
        double X(DateTimeOffset t) => Left + ((t - start).TotalSeconds / span * (Width - Left - Right));
        double Y(double v) => Top + ((top - v) / (top - bottom) * (Height - Top - Bottom));

        svg.Append("<g class=\"chart-grid\">");
        for (var v = bottom; v <= top + (step / 2); v += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v.ToString(step < 1 ? "0.0" : "0", culture)}</text>");
        }

        foreach (var day in Midnights(start, end, zone))
        {
            var x = X(day);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{TimeZoneInfo.ConvertTime(day, zone).ToString(culture.TwoLetterISOLanguageName == "de" ? "dd.MM." : "d MMM", culture)}</text>");
        }

        svg.Append("</g>");
        var band = ordered.Select(p => Pair(X(p.Time), Y(p.Max))).Concat(ordered.AsEnumerable().Reverse().Select(p => Pair(X(p.Time), Y(p.Min))));
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"chart-range\" points=\"{string.Join(' ', band)}\"/>");
        foreach (var threshold in new[] { low, high }.OfType<double>())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-threshold\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(threshold):0.#}\" y2=\"{Y(threshold):0.#}\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"chart-line\" points=\"{string.Join(' ', ordered.Select(p => Pair(X(p.Time), Y(p.Mean))))}\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static string Pair(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");

    /// <summary>Axis bounds on round numbers, about five lines apart.</summary>
    internal static (double Bottom, double Top, double Step) NiceScale(double min, double max)
    {
        if (max - min < 1e-9)
        {
            (min, max) = (min - 1, max + 1);
        }

        var rough = (max - min) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static IEnumerable<DateTimeOffset> Midnights(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone).Date.AddDays(1);
        for (var day = local; ; day = day.AddDays(1))
        {
            var instant = new DateTimeOffset(day, zone.GetUtcOffset(day));
            if (instant > end)
            {
                yield break;
            }

            yield return instant;
        }
    }
}
