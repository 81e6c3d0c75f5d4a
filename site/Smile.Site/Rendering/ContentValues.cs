using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Smile.Site.Content;

namespace Smile.Site.Rendering;

/// <summary>An item in a template: any member read records the item as a dependency of the page.</summary>
internal sealed partial class ItemValue(SiteItem item, RenderScope scope) : FluidValue
{
    public SiteItem Item { get; } = item;

    public override FluidValues Type => FluidValues.Object;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        scope.Items.Add(Item.Id);
        return new(name switch
        {
            "url" => Item.Path is null ? NilValue.Instance : StringValue.Create(Item.Path),
            "type" => StringValue.Create(Item.ContentType),
            _ => ContentValues.From(Item.Fields.GetValueOrDefault(name), scope),
        });
    }

    public override bool Equals(FluidValue other) => other is ItemValue value && value.Item.Id == Item.Id;

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => Item.Title;

    public override object ToObjectValue() => Item;

    [Obsolete("WriteTo is obsolete, prefer the WriteToAsync method.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => writer.Write(encoder.Encode(Item.Title));

    public override int GetHashCode() => Item.Id.GetHashCode(StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ItemValue value && Equals(value);
}

/// <summary>A list of items the page looked at as a whole: its membership and order are a dependency.</summary>
internal sealed class ItemListValue(string key, Func<IReadOnlyList<SiteItem>> items, RenderScope scope) : FluidValue
{
    private IReadOnlyList<FluidValue>? _values;

    private IReadOnlyList<FluidValue> Values
    {
        get
        {
            scope.Keys.Add(key);
            return _values ??= [.. items().Select(i => new ItemValue(i, scope))];
        }
    }

    public override FluidValues Type => FluidValues.Array;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => new(name switch
    {
        "size" => NumberValue.Create(Values.Count),
        "first" => Values.Count > 0 ? Values[0] : NilValue.Instance,
        "last" => Values.Count > 0 ? Values[^1] : NilValue.Instance,
        _ => NilValue.Instance,
    });

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context)
    {
        var i = (int)index.ToNumberValue();
        return new(i >= 0 && i < Values.Count ? Values[i] : NilValue.Instance);
    }

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => Values;

    public override bool Contains(FluidValue value) => Values.Contains(value);

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => Values.Count;

    public override string ToStringValue() => string.Join(", ", Values.Select(v => v.ToStringValue()));

    public override object ToObjectValue() => Values.Select(v => v.ToObjectValue()).ToList();

    [Obsolete("WriteTo is obsolete, prefer the WriteToAsync method.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => writer.Write(encoder.Encode(ToStringValue()));

    public override int GetHashCode() => key.GetHashCode(StringComparison.Ordinal);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}

internal static partial class ContentValues
{
    /// <summary>
    /// Plain data to a template value. Relations become the related item itself (so templates can follow
    /// them), Markdown HTML is written as is (it was sanitized when saved) after links to pages the site
    /// does not have are turned into plain text.
    /// </summary>
    public static FluidValue From(object? value, RenderScope scope) => value switch
    {
        null => NilValue.Instance,
        string s => StringValue.Create(s),
        decimal d => NumberValue.Create(d),
        bool b => BooleanValue.Create(b),
        List<object?> list => new ArrayValue([.. list.Select(v => From(v, scope))]),
        Dictionary<string, object?> d when SiteItem.IsReference(d) => scope.Content.TryGet((string)d["id"]!, out var related)
            ? new ItemValue(related, scope)
            : NilValue.Instance,
        Dictionary<string, object?> d => new DictionaryValue(new Indexable(d, scope)),
        _ => StringValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>Internal links in content HTML whose target has no page become their text, with a warning.</summary>
    public static string WithoutDeadLinks(string html, RenderScope scope) => ContentLink().Replace(html, match =>
    {
        var target = match.Groups["path"].Value;
        var path = target.Split('#', '?')[0];
        if (path.Length <= 1 || path.StartsWith("/media/", StringComparison.Ordinal) || path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return match.Value;
        }

        scope.Keys.Add(SiteContent.LinkKey(path));
        if (scope.Content.HasPage(path))
        {
            return match.Value;
        }

        scope.Warnings.Add($"A link to '{path}' points to no published page; it is shown as plain text.");
        return $"<span>{match.Groups["text"].Value}</span>";
    });

    [GeneratedRegex("""<a\s[^>]*?href="(?<path>/[^"]*)"[^>]*>(?<text>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex ContentLink();

    private sealed class Indexable(Dictionary<string, object?> values, RenderScope scope) : IFluidIndexable
    {
        public int Count => values.Count;

        public IEnumerable<string> Keys => values.Keys;

        public bool TryGetValue(string name, out FluidValue value)
        {
            if (!values.TryGetValue(name, out var raw))
            {
                value = NilValue.Instance;
                return false;
            }

            // MarkdownText.html: sanitized at save time, written unescaped.
            value = name == "html" && raw is string html ? new StringValue(WithoutDeadLinks(html, scope), false) : From(raw, scope);
            return true;
        }
    }
}
