using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid.Values;

namespace Smile.Site.Rendering;

/// <summary>
/// Markup already rendered (a page's body inside <c>baseof</c>), written as is straight from its buffer:
/// no string of a 200 KiB tag page is made just to be copied into the page around it.
/// </summary>
internal sealed class RawTextValue(StringBuilder text) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => other is RawTextValue raw ? ReferenceEquals(raw, this) : other.ToStringValue() == ToStringValue();

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => text.ToString();

    public override object ToObjectValue() => ToStringValue();

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        Write(writer);
        return ValueTask.CompletedTask;
    }

    [Obsolete("WriteTo is obsolete, prefer the WriteToAsync method.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => Write(writer);

    private void Write(TextWriter writer)
    {
        foreach (var chunk in text.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }

    public override bool Equals(object? obj) => obj is FluidValue value && Equals(value);

    public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);
}
