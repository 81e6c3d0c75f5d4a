using System.Globalization;
using Fluid;
using Fluid.Values;
using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Rendering;

/// <summary>The filters a theme has beyond standard Liquid.</summary>
internal static class SiteFilters
{
    public const string ScopeKey = "smile.scope";

    public static void Register(FilterCollection filters, Theme theme, SiteOptions site)
    {
        // {{ 'key' | t }}: the page culture's translation.
        filters.AddFilter("t", (input, _, context) =>
        {
            var key = input.ToStringValue();
            var translations = theme.Translations.GetValueOrDefault(Scope(context).Culture);
            return StringValue.Create(translations?.GetValueOrDefault(key) ?? key);
        });

        // {{ 'css/site.css' | asset_url }}: the fingerprinted URL; an unknown asset is the theme's own broken link.
        filters.AddFilter("asset_url", (input, _, _) =>
        {
            var name = input.ToStringValue();
            return theme.Assets.TryGetValue(name, out var url)
                ? StringValue.Create(url)
                : throw new SiteBuildException($"The theme refers to the asset '{name}', which is not under {theme.Root}/assets.");
        });

        // {{ page.path | absolute_url }}
        filters.AddFilter("absolute_url", (input, _, _) => StringValue.Create(site.BaseUrl.TrimEnd('/') + input.ToStringValue()));

        // {% assign projects = item | referencing: 'Project' %}: the items of a type that point to this one.
        filters.AddFilter("referencing", (input, arguments, context) =>
        {
            if (input.ToObjectValue() is not SiteItem item)
            {
                return NilValue.Instance;
            }

            var scope = Scope(context);
            var type = arguments.At(0).ToStringValue();
            return new ItemListValue(SiteContent.ReferencesKey(item.Id), () => [.. scope.Content.ReferencesTo(item.Id).Where(i => i.Culture == scope.Culture && (type.Length == 0 || i.ContentType == type))], scope);
        });

        // {{ event.start | format_date: 'd. MMMM yyyy, HH:mm' }}: the API's UTC times as people in Rostock read them.
        // Fluid's own format_date formats the instant in the offset it was written with, which is UTC here.
        filters.AddFilter("format_date", (input, arguments, context) =>
        {
            if (input.IsNil() || !DateTimeOffset.TryParse(input.ToStringValue(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return NilValue.Instance;
            }

            return StringValue.Create(TimeZoneInfo.ConvertTime(at, context.TimeZone).ToString(arguments.At(0).ToStringValue(), context.CultureInfo));
        });

        // {{ stream.week | svg_chart: label, stream.thresholdLow, stream.thresholdHigh }}: readings as an inline SVG line chart.
        filters.AddFilter("svg_chart", (input, arguments, context) =>
        {
            var points = input.Enumerate(context)
                .Select(v => v.ToObjectValue() as IFluidIndexable)
                .OfType<IFluidIndexable>()
                .Select(Reading)
                .OfType<SvgChart.Point>()
                .ToList();
            double? Threshold(int at) => arguments.At(at) is { } value && !value.IsNil() ? value.ToNumberValue() is var n ? (double)n : null : null;
            return new StringValue(SvgChart.Render(points, arguments.At(0).ToStringValue(), Threshold(1), Threshold(2), context.CultureInfo, context.TimeZone), false);
        });

        // "name": {{ item.title | ld_json }}: a JSON value safe inside <script type="application/ld+json"> (< > & escaped).
        filters.AddFilter("ld_json", (input, _, _) => new StringValue(LdJson(input.IsNil() ? null : input.ToObjectValue() is SiteItem i ? i.Title : input.ToObjectValue()), false));

        // Events by their end (or start): upcoming soonest first, past latest first.
        filters.AddFilter("upcoming", (input, _, context) => Events(input, context, site.Now, upcoming: true));
        filters.AddFilter("past", (input, _, context) => Events(input, context, site.Now, upcoming: false));
        filters.AddFilter("undated", (input, _, context) => new ArrayValue([.. input.Enumerate(context).OfType<ItemValue>().Where(e => Date(e.Item, "start") is null)]));
    }

    /// <summary>One reading of the API's <c>Observation</c> shape, as the template sees it.</summary>
    private static SvgChart.Point? Reading(IFluidIndexable reading)
    {
        double? Number(string name) => reading.TryGetValue(name, out var value) && value is NumberValue n ? (double)n.ToNumberValue() : null;

        if (reading.TryGetValue("phenomenonTime", out var time)
            && DateTimeOffset.TryParse(time.ToStringValue(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && Number("result") is { } mean)
        {
            return new SvgChart.Point(at, mean, Number("min") ?? mean, Number("max") ?? mean);
        }

        return null;
    }

    public static string LdJson(object? value) => System.Text.Json.JsonSerializer.Serialize(value, LdJsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions LdJsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    private static RenderScope Scope(TemplateContext context) => (RenderScope)context.AmbientValues[ScopeKey];

    private static ArrayValue Events(FluidValue input, TemplateContext context, DateTimeOffset now, bool upcoming)
    {
        var events = input.Enumerate(context).OfType<ItemValue>()
            .Select(value => (value, start: Date(value.Item, "start"), end: Date(value.Item, "end") ?? Date(value.Item, "start")))
            .Where(e => e.start is not null && (upcoming ? e.end >= now : e.end < now));
        var ordered = upcoming ? events.OrderBy(e => e.start) : events.OrderByDescending(e => e.start);
        return new ArrayValue([.. ordered.Select(e => (FluidValue)e.value)]);
    }

    private static DateTimeOffset? Date(SiteItem item, string field) =>
        item.Fields.GetValueOrDefault(field) is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
