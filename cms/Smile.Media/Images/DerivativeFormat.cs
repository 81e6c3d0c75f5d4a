namespace Smile.Media.Images;

/// <summary>The formats derivatives are written in; the URL's extension names one.</summary>
public sealed record DerivativeFormat(string Extension, string ContentType)
{
    public static readonly DerivativeFormat WebP = new("webp", "image/webp");
    public static readonly DerivativeFormat Jpeg = new("jpg", "image/jpeg");
    public static readonly DerivativeFormat Avif = new("avif", "image/avif");

    public static IReadOnlyList<DerivativeFormat> All { get; } = [WebP, Jpeg, Avif];

    public static DerivativeFormat? FromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        "webp" => WebP,
        "jpeg" or "jpg" => Jpeg,
        "avif" => Avif,
        _ => null,
    };
}
