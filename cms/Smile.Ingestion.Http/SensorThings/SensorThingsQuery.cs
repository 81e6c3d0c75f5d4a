using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Smile.Ingestion.Http.SensorThings;

/// <summary>
/// The query options this API understands: <c>$top</c>, <c>$skip</c>, <c>$count</c>, <c>$orderby=phenomenonTime [asc|desc]</c>
/// and <c>$filter</c> comparisons of <c>phenomenonTime</c> joined with <c>and</c>. Anything else is refused by name.
/// </summary>
internal sealed partial record SensorThingsQuery(int Top, int Skip, bool Count, bool NewestFirst, DateTime? From, DateTime? To)
{
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;

    public static (SensorThingsQuery? Query, string? Error) Parse(IQueryCollection query, bool observations)
    {
        foreach (var key in query.Keys)
        {
            if (key.StartsWith('$') && key is not ("$top" or "$skip" or "$count" or "$orderby" or "$filter"))
            {
                return (null, $"The query option {key} is not supported here; use $top, $skip, $count, $orderby and $filter.");
            }
        }

        if (!Number(query, "$top", DefaultTop, out var top) || top is < 0 or > MaxTop)
        {
            return (null, $"$top must be a whole number from 0 to {MaxTop}.");
        }

        if (!Number(query, "$skip", 0, out var skip) || skip < 0)
        {
            return (null, "$skip must be a whole number from 0.");
        }

        var count = query["$count"].ToString() switch
        {
            "" or "false" => false,
            "true" => true,
            var other => (bool?)null,
        };
        if (count is null)
        {
            return (null, "$count must be true or false.");
        }

        var newestFirst = false;
        if (query["$orderby"].ToString() is { Length: > 0 } orderBy)
        {
            var match = OrderBy().Match(orderBy.Trim());
            if (!observations || !match.Success)
            {
                return (null, $"$orderby '{orderBy}' is not supported: order observations by phenomenonTime asc or phenomenonTime desc.");
            }

            newestFirst = match.Groups["dir"].Value.Equals("desc", StringComparison.OrdinalIgnoreCase);
        }

        DateTime? from = null, to = null;
        if (query["$filter"].ToString() is { Length: > 0 } filter)
        {
            if (!observations)
            {
                return (null, "$filter is supported on Observations (phenomenonTime) only.");
            }

            foreach (var clause in AndSplit().Split(filter.Trim()))
            {
                var match = Comparison().Match(clause.Trim());
                if (!match.Success || !DateTimeOffset.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                {
                    return (null, $"$filter clause '{clause.Trim()}' is not supported: use phenomenonTime gt|ge|lt|le|eq <ISO 8601 time>, joined with and.");
                }

                var at = time.UtcDateTime;
                var millisecond = TimeSpan.FromMilliseconds(1);
                switch (match.Groups["op"].Value.ToLowerInvariant())
                {
                    case "gt": from = Later(from, at + millisecond); break;
                    case "ge": from = Later(from, at); break;
                    case "lt": to = Earlier(to, at); break;
                    case "le": to = Earlier(to, at + millisecond); break;
                    default: from = Later(from, at); to = Earlier(to, at + millisecond); break;
                }
            }
        }

        return (new SensorThingsQuery(top, skip, count.Value, newestFirst, from, to), null);
    }

    private static bool Number(IQueryCollection query, string name, int fallback, out int value)
    {
        var text = query[name].ToString();
        value = fallback;
        return text.Length == 0 || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static DateTime Later(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;

    private static DateTime Earlier(DateTime? a, DateTime b) => a is { } x && x < b ? x : b;

    [GeneratedRegex(@"^phenomenonTime(\s+(?<dir>asc|desc))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderBy();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^\(?\s*phenomenonTime\s+(?<op>gt|ge|lt|le|eq)\s+'?(?<time>[0-9T:.+\-Z]+)'?\s*\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
