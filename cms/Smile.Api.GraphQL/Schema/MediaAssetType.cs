using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Loading;
using Smile.Content.Media;

namespace Smile.Api.GraphQL.Schema;

/// <summary>
/// A media reference with its derivatives. Media ids are content hashes, so derivative URLs
/// (<c>/media/{id}/{width}.{format}</c>) never change meaning and can be cached for ever.
/// </summary>
internal static class MediaAssetType
{
    public static readonly IReadOnlyList<int> Widths = [320, 640, 960, 1280, 1920];

    public static string Url(string mediaId, int width, string extension) =>
        $"/media/{Uri.EscapeDataString(mediaId)}/{width.ToString(CultureInfo.InvariantCulture)}.{extension}";

    public static ObjectGraphType Create(Scalars scalars, EnumerationGraphType imageFormat)
    {
        var type = new ObjectGraphType { Name = "MediaAsset", Description = "An image or file with its alternative text." };
        type.Add("mediaId", scalars.Id.NonNull(), c => Id(c.Source));
        type.Add("alt", scalars.String.NonNull(), c => ((JsonNode)c.Source!)["alt"]?.GetValue<string>() ?? "", "Empty only when the image is decorative.");
        type.Add("decorative", scalars.Boolean.NonNull(), c => ((JsonNode)c.Source!)["decorative"]?.GetValue<bool>() ?? false);
        type.Add("caption", scalars.String, c => ((JsonNode)c.Source!)["caption"]?.GetValue<string>());
        type.Add("width", scalars.Int, c => Facts(c).Then(d => d?.Width), "Of the original, in pixels.");
        type.Add("height", scalars.Int, c => Facts(c).Then(d => d?.Height), "Of the original, in pixels.");
        type.Add("contentType", scalars.String, c => Facts(c).Then(d => d?.ContentType), "Detected from the file's bytes, e.g. image/jpeg, video/mp4, text/vtt.");
        type.Add("fileUrl", scalars.String, c => Facts(c).Then(d => d is null ? null : $"/media/{Uri.EscapeDataString(Id(c.Source))}/original.{d.Extension}"),
            "The file itself, for videos, captions and documents. Images are served as derivatives (`url`, `srcset`) only.");
        type.Add("url", scalars.String.NonNull(),
            c => Url(Id(c.Source), Width(c.GetArgument("width", 960)), c.GetArgument("format", "webp")),
            "A derivative no wider than `width` pixels.",
            new QueryArguments(
                GraphFields.Argument("width", scalars.Int, "Pixels; one of " + string.Join(", ", Widths) + " or any other up to 1920.", 960),
                GraphFields.Argument("format", imageFormat, defaultValue: "webp")));
        type.Add("srcset", scalars.String.NonNull(),
            c => Facts(c).Then(d => SrcSet(Id(c.Source), d?.Width, c.GetArgument("format", "webp"))),
            "For the `srcset` attribute: every standard width.",
            new QueryArguments(GraphFields.Argument("format", imageFormat, defaultValue: "webp")));
        return type;
    }

    /// <summary>
    /// Every standard width below the original, then the original's own width in place of the larger ones
    /// (derivatives are never upscaled); all standard widths when the size is not known.
    /// </summary>
    private static string SrcSet(string mediaId, int? originalWidth, string extension)
    {
        var widths = originalWidth is { } original ? Widths.Select(w => Math.Min(w, original)).Distinct() : Widths;
        return string.Join(", ", widths.Select(w => $"{Url(mediaId, w, extension)} {w.ToString(CultureInfo.InvariantCulture)}w"));
    }

    private static IDataLoaderResult<MediaFacts?> Facts(IResolveFieldContext context) =>
        ((SmileUserContext)context.UserContext).Media.Load(Id(context.Source));

    private static int Width(int width) =>
        width is >= 16 and <= 1920 ? width : throw ApiErrors.BadInput($"width must be between 16 and 1920 pixels, not {width}.");

    private static string Id(object? source) => ((JsonNode)source!)["mediaId"]!.GetValue<string>();
}
