using System.Globalization;
using System.Text.RegularExpressions;
using Smile.Media.Images;

namespace Smile.Media.Derivatives;

/// <summary>
/// A derivative as named in its URL: <c>{width}.{format}</c>, or <c>{width}x{height}.{format}</c> for a frame
/// cropped around the focal point. Widths run from 16 to 1920 pixels.
/// </summary>
public sealed partial record DerivativeRequest(int Width, int? Height, DerivativeFormat Format)
{
    public const int MinWidth = 16;
    public const int MaxWidth = 1920;

    /// <summary>The widths every image is rendered at together (the API's <c>srcset</c>).</summary>
    public static IReadOnlyList<int> StandardWidths { get; } = [320, 640, 960, 1280, 1920];

    public static DerivativeRequest? Parse(string name)
    {
        var match = Name().Match(name);
        if (!match.Success || DerivativeFormat.FromExtension(match.Groups["format"].Value) is not { } format)
        {
            return null;
        }

        var width = int.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture);
        int? height = match.Groups["height"].Success ? int.Parse(match.Groups["height"].Value, CultureInfo.InvariantCulture) : null;
        return width is < MinWidth or > MaxWidth || height is < MinWidth or > MaxWidth ? null : new DerivativeRequest(width, height, format);
    }

    /// <summary>The name under which it is cached; widths beyond the original collapse onto the original's width.</summary>
    public string CacheName(int originalWidth)
    {
        var width = Math.Min(Width, originalWidth);
        return Height is { } height
            ? FormattableString.Invariant($"{Width}x{height}.{Format.Extension}")
            : FormattableString.Invariant($"{width}.{Format.Extension}");
    }

    [GeneratedRegex(@"^(?<width>\d{1,4})(x(?<height>\d{1,4}))?\.(?<format>[a-z]{3,4})$")]
    private static partial Regex Name();
}
